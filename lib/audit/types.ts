// Client-safe shapes of the audit trail.
import { POLICY_AUDIT_OPERATIONS } from "@/lib/policies/audit-operations";
import { VIEW_AUDIT_OPERATIONS } from "@/lib/views/audit-operations";

export const AUDIT_OUTCOMES = ["pending", "succeeded", "partial", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What was done to messages and bulk jobs through the console. */
export const AUDIT_CHANGE_OPERATIONS = [
  "move",
  "move_bulk",
  "release",
  "reclassify",
  "preview_create",
  "bulk_job_create",
  "bulk_job_cancel",
  "bulk_job_delete",
  "bulk_approval_request",
  "return_approval_request",
  "bulk_approval_approve",
  "bulk_approval_reject",
  ...POLICY_AUDIT_OPERATIONS,
  ...VIEW_AUDIT_OPERATIONS,
] as const;

/** Who came in and who was kept out, and what left the console as a file. */
export const AUDIT_ACCESS_OPERATIONS = [
  "sign_in",
  "sign_out",
  "session_revoke",
  "forbidden",
  "audit_export",
  "raw_download",
  "evidence_export",
] as const;

export const AUDIT_OPERATIONS = [...AUDIT_CHANGE_OPERATIONS, ...AUDIT_ACCESS_OPERATIONS] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

export interface AuditEvent {
  id: number;
  started_at: string;
  completed_at: string | null;
  email: string;
  role: string;
  operation: AuditOperation;
  message_ids: string[];
  job_id: string | null;
  destination: string | null;
  params: Record<string, unknown>;
  ip: string | null;
  user_agent: string | null;
  outcome: AuditOutcome;
  upstream_status: number | null;
  /** Per-message results, or the error the user saw. */
  result: unknown;
}
