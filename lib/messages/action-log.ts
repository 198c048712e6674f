import type { AuditEvent } from "@/lib/audit/types";
import type { ActionLogEntry } from "@/lib/cloudflare/types";
import { POLICY_AUDIT_WORDS } from "@/lib/policies/audit-operations";
import { VIEW_AUDIT_WORDS } from "@/lib/views/audit-operations";

/**
 * Words for the action log. Cloudflare's operation names are enums (QUARANTINE_RELEASE,
 * SUBMISSION); the analyst reads what happened.
 */
const OPERATION_WORDS: Record<string, string> = {
  MOVE: "Moved",
  RELEASE: "Released from quarantine",
  QUARANTINE_RELEASE: "Released from quarantine",
  RECLASSIFY: "Reclassification submitted",
  SUBMISSION: "Reclassification submitted",
  PREVIEW: "Preview generated",
};

export function describeOperation(operation: string): string {
  return OPERATION_WORDS[operation] ?? operation;
}

/** When an entry happened: when it completed, else (still pending) when it started. */
export function actionTime(entry: Pick<ActionLogEntry, "completed_at" | "started_at">): string | null {
  return entry.completed_at || entry.started_at || null;
}

/** Newest first, whatever order the endpoint used; entries without any time go last. */
export function sortActionLog(entries: readonly ActionLogEntry[]): ActionLogEntry[] {
  const at = (e: ActionLogEntry) => Date.parse(actionTime(e) ?? "") || 0;
  return [...entries].sort((a, b) => at(b) - at(a));
}

const AUDIT_WORDS: Record<AuditEvent["operation"], string> = {
  move: "Move",
  move_bulk: "Move (several messages)",
  release: "Release",
  reclassify: "Reclassify",
  preview_create: "Generate preview",
  bulk_job_create: "Bulk job created",
  bulk_job_cancel: "Bulk job cancelled",
  bulk_job_delete: "Bulk job deleted",
  bulk_approval_request: "Bulk job sent for approval",
  return_approval_request: "Sent for a second admin's approval",
  bulk_approval_approve: "Bulk job approved",
  bulk_approval_reject: "Bulk job rejected",
  sign_in: "Sign-in",
  sign_out: "Sign-out",
  session_revoke: "Sessions ended",
  forbidden: "Refused (role)",
  audit_export: "Audit exported",
  raw_download: "Raw message read",
  evidence_export: "Evidence pack exported",
  ...POLICY_AUDIT_WORDS,
  ...VIEW_AUDIT_WORDS,
};

export function describeAuditOperation(event: Pick<AuditEvent, "operation" | "params">): string {
  const words = AUDIT_WORDS[event.operation] ?? event.operation;
  const expected = event.params?.expected_disposition;
  return event.operation === "reclassify" && typeof expected === "string" ? `${words} as ${expected}` : words;
}

export function sortAuditEvents(events: readonly AuditEvent[]): AuditEvent[] {
  return [...events].sort((a, b) => (Date.parse(b.started_at) || 0) - (Date.parse(a.started_at) || 0));
}
