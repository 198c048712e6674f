import "server-only";
import type { Caller } from "@/lib/api/access";
import { auditedCall } from "@/lib/api/audit";
import { ok, type RouteReply } from "@/lib/api/route";
import { getAuditStore } from "@/lib/audit/store";
import type { AuditOperation } from "@/lib/audit/types";
import { planReturn, type ReturnChange } from "./release-policy";

/**
 * What the release, move and single-message move routes share: the release policy first, then
 * Cloudflare for the ids it lets through, each part in the audit trail under its own name.
 * The reply is `{ result, approval? }`: `result` answers for the ids acted on now, `approval` is
 * the request made for the rest (202 when nothing went now).
 */
export async function actUnderReleasePolicy<R>(
  caller: Caller,
  change: ReturnChange,
  ids: readonly string[],
  audit: { operation: AuditOperation; params?: Record<string, unknown> },
  act: (ids: string[]) => Promise<R[]>,
): Promise<RouteReply> {
  const who = { email: caller.email, role: caller.role, ip: caller.ip, userAgent: caller.userAgent };
  const destination = change.action === "MOVE" ? change.destination : undefined;
  const plan = await planReturn(change, ids, caller.email);
  if (plan.approval) {
    await (await getAuditStore()).record({
      ...who,
      operation: "return_approval_request",
      messageIds: plan.approval.sample.map((row) => row.id),
      destination,
      params: { action: change.action, request_id: plan.approval.id, reasons: plan.approval.reasons },
      outcome: "succeeded",
      status: 202,
    });
  }
  const extra = plan.approval ? { approval: plan.approval } : {};
  if (plan.now.length === 0) return { ...ok([], extra), status: 202 };
  const reply = await auditedCall({ ...who, ...audit, messageIds: plan.now, destination }, async () => ok(await act(plan.now)));
  return { ...reply, body: { ...(reply.body as object), ...extra } };
}
