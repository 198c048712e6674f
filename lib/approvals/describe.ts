// Client-safe words for what an approval request would act on.
import { describeBulkSearchParams } from "@/lib/bulk/search-params";
import type { Role } from "@/lib/auth/roles";
import { messagesWord } from "./rules";
import { releaseMayLead } from "@/lib/message-actions/primary";
import { isExactIds, type ApprovalBody, type ApprovalRequest } from "./types";

/** "Release", "Move to Inbox": the action, the same for a job and for exact messages. */
export function describeAction(body: { action: string; destination?: string | null }): string {
  return body.action === "MOVE" ? `Move to ${body.destination ?? "?"}` : "Release";
}

/** What it acts on: "3 exact messages", or the job's search in words. */
export function describeScope(body: ApprovalBody): string {
  if (isExactIds(body)) return `${messagesWord(body.ids.length)}, exactly as listed`;
  return describeBulkSearchParams(body.search_params).map((f) => `${f.label} ${f.value}`).join(" · ") || "no filters (the API's default window)";
}

/**
 * Who may read a request and the names in it: admins, and the person who asked (to follow their
 * own request). The approvals API and the job page apply this one rule.
 */
export function maySeeApproval(user: { email: string; role: Role } | null | undefined, request: { requested_by: string }): boolean {
  if (!user) return false;
  return user.role === "admin" || user.email.toLowerCase() === request.requested_by.toLowerCase();
}

/** The page of one approval request. */
export function approvalHref(id: string): string {
  return `/approvals/${encodeURIComponent(id)}`;
}

/**
 * Approving returns a known threat to mailboxes (a release or a move to Inbox reaching MALICIOUS,
 * MALICIOUS-BEC or SPOOF mail): then Approve is never the filled button, as Release is not on
 * such a message. A message whose verdict was not read (held only for the hourly allowance)
 * counts as one that may be a threat.
 */
export function approvingReturnsThreat(request: Pick<ApprovalRequest, "body" | "sample">): boolean {
  const returns = request.body.action === "RELEASE" || (request.body.action === "MOVE" && request.body.destination === "Inbox");
  return returns && request.sample.some((m) => m.final_disposition === null || !releaseMayLead(m.final_disposition));
}
