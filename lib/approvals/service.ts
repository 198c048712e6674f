import "server-only";
import { randomUUID } from "node:crypto";
import type { Caller } from "@/lib/api/access";
import { auditedCall } from "@/lib/api/audit";
import { ok } from "@/lib/api/route";
import { createBulkJob, moveMessages, releaseMessages, type BulkJob, type MoveResult, type ReleaseResult } from "@/lib/cloudflare";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";
import { approvalClock } from "./clock";
import { markedComment } from "./mark";
import { recoverInterruptedApprovals } from "./recovery";
import { takeAllReturns } from "./hourly-returns";
import { approvalReasons, hourlyReason, returnsToMailbox, searchFor, uncountableFilters } from "./rules";
import { scanSearch } from "./scan";
import { getApprovalStore } from "./store";
import { exactOutcomes } from "./exact-outcomes";
import { APPROVAL_TTL_MS, isExactIds, type ApprovalBody, type ApprovalRequest, type ExactIdsBody, type ListApprovalsQuery } from "./types";

export interface ApprovalVerdict {
  reasons: string[];
  sample: ApprovalRequest["sample"];
  matched: number;
  matchedMore: boolean;
}

/**
 * Counts and samples the job's search and says why it needs a second admin (no reasons: it does
 * not). A job that returns mail to mailboxes and runs at once takes its messages from the
 * requester's hour, as a release of exact messages does (release-policy.ts).
 */
export async function judgeBulkJob(body: CreateBulkJobBody, requestedBy: string): Promise<ApprovalVerdict> {
  const threshold = getEnv().limits.bulkApprovalThreshold;
  const uncountable = uncountableFilters(body.search_params);
  if (uncountable.length > 0) {
    return { reasons: approvalReasons(body, { uncountable }, threshold), sample: [], matched: 0, matchedMore: true };
  }
  const scan = await scanSearch(searchFor(body.search_params), threshold);
  const reasons = approvalReasons(body, scan, threshold);
  if (reasons.length === 0 && returnsToMailbox(body) && !(await takeAllReturns(requestedBy, scan.matched))) {
    reasons.push(hourlyReason(getEnv().limits.returnsPerUserHour));
  }
  return { reasons, sample: scan.sample, matched: scan.matched, matchedMore: scan.more };
}

export async function createApprovalRequest(body: ApprovalBody, requestedBy: string, verdict: ApprovalVerdict): Promise<ApprovalRequest> {
  const store = await getApprovalStore();
  const now = approvalClock.now();
  const id = randomUUID();
  await store.create({
    id,
    createdAt: now,
    expiresAt: now + APPROVAL_TTL_MS,
    requestedBy,
    body,
    reasons: verdict.reasons,
    sample: verdict.sample,
    matched: verdict.matched,
    matchedMore: verdict.matchedMore,
  });
  return (await store.get(id, now))!;
}

export async function getApprovalRequest(id: string): Promise<ApprovalRequest> {
  const request = await (await getApprovalStore()).get(id, approvalClock.now());
  if (!request) throw new AppError("not_found", "No such approval request.");
  return request;
}

export async function listApprovalRequests(query: ListApprovalsQuery): Promise<ApprovalRequest[]> {
  const now = approvalClock.now();
  await recoverInterruptedApprovals(now);
  return (await getApprovalStore()).list({ status: query.status ?? "pending" }, now);
}

export async function countPendingApprovals(): Promise<number> {
  return (await getApprovalStore()).countPending(approvalClock.now());
}

export async function approvalForJob(jobId: string): Promise<ApprovalRequest | undefined> {
  return (await getApprovalStore()).forJob(jobId, approvalClock.now());
}

/** Why `who` may not decide `request`, checked before the atomic update so the refusal can say so. */
function refuseDecision(request: ApprovalRequest, who: string, verb: "approve" | "reject"): void {
  if (request.requested_by.toLowerCase() === who.toLowerCase()) {
    throw new AppError("forbidden", `You asked for this job, so you cannot ${verb} it: another admin must.`);
  }
  if (request.status === "expired") throw new AppError("conflict", `This request expired at ${request.expires_at}; it can no longer be ${verb}d.`);
  if (request.status !== "pending") throw new AppError("conflict", `This request is already ${request.status}${request.decided_by ? ` by ${request.decided_by}` : ""}.`);
}

/**
 * Approves and carries the request out (creates the job, or releases or moves exactly the ids
 * approved), exactly once however many admins click at the same moment.
 */
export async function approveRequest(id: string, approver: Caller, reason: string): Promise<ApprovalRequest & { job?: BulkJob }> {
  const store = await getApprovalStore();
  refuseDecision(await getApprovalRequest(id), approver.email, "approve");
  if (!(await store.claimForApproval({ id, by: approver.email, reason, now: approvalClock.now() }))) {
    // Someone else got there between the read and the update (or it expired just then).
    refuseDecision(await getApprovalRequest(id), approver.email, "approve");
    throw new AppError("conflict", "This request was decided by someone else meanwhile.");
  }
  const request = await getApprovalRequest(id);
  if (isExactIds(request.body)) return carryOutExact(request, request.body, approver);
  const body = request.body;
  let job: BulkJob;
  try {
    // The mark lets recovery find this job if this instance stops before recording it.
    job = await createBulkJob({ ...body, comment: markedComment(body.comment, id) });
  } catch (err) {
    await store.abandonApproval(id, AppError.is(err) ? err.message : "The job could not be created.");
    throw err;
  }
  await store.completeApproval(id, job.job_id, approvalClock.now());
  return { ...(await getApprovalRequest(id)), job };
}

/**
 * One call to Cloudflare with exactly the approved ids, never retried (a lost answer is settled by
 * recovery from the messages' action logs, recovery.ts), then each row's outcome recorded.
 */
async function carryOutExact(request: ApprovalRequest, body: ExactIdsBody, approver: Caller): Promise<ApprovalRequest> {
  const store = await getApprovalStore();
  let rows: ApprovalRequest["sample"] = [];
  try {
    // Each message's console actions show the change itself, by the approver, naming the request.
    await auditedCall(
      {
        email: approver.email,
        role: approver.role,
        ip: approver.ip,
        userAgent: approver.userAgent,
        operation: body.action === "RELEASE" ? "release" : "move_bulk",
        messageIds: body.ids,
        destination: body.action === "MOVE" ? body.destination : undefined,
        params: { approval_request: request.id, requested_by: request.requested_by },
      },
      async () => {
        const result = body.action === "RELEASE" ? await releaseMessages({ ids: body.ids }) : await moveMessages({ ids: body.ids, destination: body.destination });
        rows = exactOutcomes(request.sample, body.ids, body.action === "RELEASE" ? { release: result as ReleaseResult[] } : { move: result as MoveResult[] });
        return ok(result);
      },
    );
  } catch (err) {
    await store.abandonApproval(request.id, AppError.is(err) ? err.message : "The messages could not be returned.");
    throw err;
  }
  await store.completeExact(request.id, rows, approvalClock.now());
  return await getApprovalRequest(request.id);
}

export async function rejectRequest(id: string, rejecter: string, reason: string): Promise<ApprovalRequest> {
  refuseDecision(await getApprovalRequest(id), rejecter, "reject");
  if (!(await (await getApprovalStore()).reject({ id, by: rejecter, reason, now: approvalClock.now() }))) {
    refuseDecision(await getApprovalRequest(id), rejecter, "reject");
    throw new AppError("conflict", "This request was decided by someone else meanwhile.");
  }
  return await getApprovalRequest(id);
}
