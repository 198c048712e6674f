// Client-safe shapes of a change waiting for a second admin: a bulk job, or a release or move to
// Inbox of exact messages (lib/approvals/release-policy.ts).
import { z } from "zod";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";

/** Exact messages to return to their mailboxes: what a release or a move to Inbox held back. */
export type ExactIdsBody = { action: "RELEASE"; ids: string[] } | { action: "MOVE"; destination: "Inbox"; ids: string[] };

/** What an approval carries out: a bulk job's search, or exact message ids. */
export type ApprovalBody = CreateBulkJobBody | ExactIdsBody;

export function isExactIds(body: ApprovalBody): body is ExactIdsBody {
  return "ids" in body && Array.isArray(body.ids);
}

/** How long a request may wait for a second admin before it can no longer be approved. */
export const APPROVAL_TTL_MS = 24 * 60 * 60 * 1000;

/** `expired` is never stored: a pending request past its expiry reads as expired. */
export const APPROVAL_STATUSES = ["pending", "approving", "approved", "rejected", "expired"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** A row of the dry run as it was when the request was made: enough to recognise the messages. */
export interface ApprovalSampleRow {
  id: string;
  from: string | null;
  to: string | null;
  subject: string | null;
  final_disposition: string | null;
  received_at: string | null;
  /** For exact messages, once the approval was carried out: what Cloudflare answered for this one. */
  outcome?: { ok: boolean; detail: string };
}

export interface ApprovalRequest {
  id: string;
  created_at: string;
  expires_at: string;
  requested_by: string;
  /** The exact body the job will be created with, as the requester sent it, or the exact message ids. */
  body: ApprovalBody;
  /** Why the job was not started at once, in words. */
  reasons: string[];
  sample: ApprovalSampleRow[];
  /** How many messages the search was counted to match; `matched_more`: at least that many. */
  matched: number;
  matched_more: boolean;
  status: ApprovalStatus;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  job_id: string | null;
  /** Cloudflare's refusal of the last approval attempt, if the job could not be created. */
  last_error: string | null;
}

export const approvalIdSchema = z.uuid({ message: "Approval request id must be a UUID" });
export const approvalParamsSchema = z.strictObject({ id: approvalIdSchema });

export const approvalDecisionBodySchema = z.strictObject({
  reason: z
    .string({ message: "Give a reason" })
    .trim()
    .min(1, "Give a reason")
    .max(500, "Reason must be at most 500 characters")
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Reason must not contain control characters"),
});
export type ApprovalDecisionBody = z.infer<typeof approvalDecisionBodySchema>;

export const listApprovalsQuerySchema = z.strictObject({
  status: z.enum(["pending", "decided", "all"], { message: "status must be pending, decided or all" }).optional(),
});
export type ListApprovalsQuery = z.infer<typeof listApprovalsQuerySchema>;

/** What creating a bulk job gave: the job itself, or a request for a second admin. */
export type BulkJobOutcome<Job> = { job: Job; approval?: undefined } | { approval: ApprovalRequest; job?: undefined };
