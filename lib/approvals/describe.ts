// Client-safe words for what an approval request would act on.
import { describeBulkSearchParams } from "@/lib/bulk/search-params";
import type { Role } from "@/lib/auth/roles";
import { messagesWord } from "./rules";
import { isExactIds, type ApprovalBody } from "./types";

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
