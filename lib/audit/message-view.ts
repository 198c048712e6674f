import "server-only";
import type { Role } from "@/lib/auth/roles";
import { getAuditStore } from "./store";
import { AUDIT_CHANGE_OPERATIONS, type AuditEvent, type AuditOperation } from "./types";

/**
 * What of the console's audit trail for one message a person may see. The Action log tab and the
 * evidence pack read through this one function, so a file carries out of the console exactly what
 * the page would have shown its reader:
 * - "full" (admins, who see the whole audit page anyway): every entry, reads included, with the
 *   address and user agent it came from;
 * - "team" (everyone else): what people did to the message and who did it, without where they
 *   worked from and without who read its raw source (that is for the audit page).
 */
export type MessageAuditView = "full" | "team";

/** A row of the team view: where a colleague worked from is left out, not blanked. */
export type MessageAuditEntry = AuditEvent | Omit<AuditEvent, "ip" | "user_agent">;

export const MESSAGE_AUDIT_VIEWS: Readonly<Record<MessageAuditView, { operations?: readonly AuditOperation[]; description: string }>> = {
  full: { description: "every console audit entry for the message, reads included, with IP addresses and user agents (admin view)" },
  team: {
    operations: AUDIT_CHANGE_OPERATIONS,
    description: "what people in the team did to the message and who did it, without IP addresses, user agents or raw reads (the Action log tab's view for analysts and viewers)",
  },
};

export function messageAuditViewFor(role: Role): MessageAuditView {
  return role === "admin" ? "full" : "team";
}

/** One row as the view shows it. */
export function inMessageAuditView(view: MessageAuditView, event: AuditEvent): MessageAuditEntry | null {
  const { operations } = MESSAGE_AUDIT_VIEWS[view];
  if (operations && !operations.includes(event.operation)) return null;
  if (view === "full") return event;
  const { ip: _ip, user_agent: _userAgent, ...rest } = event;
  return rest;
}

export async function listMessageAudit(messageId: string, role: Role, limit: number): Promise<{ view: MessageAuditView; entries: MessageAuditEntry[] }> {
  const view = messageAuditViewFor(role);
  const { operations } = MESSAGE_AUDIT_VIEWS[view];
  const records = await (await getAuditStore()).list({ messageId, operations, limit });
  return { view, entries: records.flatMap((e) => inMessageAuditView(view, e) ?? []) };
}
