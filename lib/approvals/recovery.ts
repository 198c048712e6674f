import "server-only";
import { getActionLog, listBulkJobs, type BulkJob } from "@/lib/cloudflare";
import { WRITE_OPTIONS } from "@/lib/cloudflare/client";
import { approvalIdInComment } from "./mark";
import { getApprovalStore } from "./store";
import { isExactIds, type ApprovalRequest, type ApprovalSampleRow, type ExactIdsBody } from "./types";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";

// An instance that stops between claiming an approval and recording Cloudflare's answer leaves
// the request `approving` for good: nobody can approve or reject it, and whether it was carried
// out is unknown. Cloudflare's own records settle it:
// - a bulk job: every approved job's comment carries its request's mark, so the job list tells
//   whether the job is there. A job counts only if its action and search are exactly the
//   request's and it was created after the claim: a mark alone (copied into another job's
//   comment by someone) proves nothing.
// - exact messages: each message's action log tells whether it was released (or moved to Inbox)
//   after the claim.
// Either the change happened (the request is approved with it) or it did not (the request waits
// again, saying why). Recovery never writes to Cloudflare, so it cannot act twice.

/**
 * How long after its claim an approval must have finished (two minutes): the create call's own
 * timeout, with no retry (WRITE_OPTIONS), and room for instances whose clocks differ.
 */
export const INTERRUPTED_AFTER_MS = WRITE_OPTIONS.timeout + 90_000;

const PER_PAGE = 100;
const MAX_PAGES = 10;
/** Jobs created this long before a claim cannot be its job; a newest-first scan may stop there. */
const CLOCK_ROOM_MS = 10 * 60_000;
/** How far Cloudflare's clock may be behind ours when it stamps the job or the action. */
const CLOCK_SKEW_MS = 60_000;
/** Recovery asks Cloudflare at most this often per instance, however often the list is read. */
const RETRY_EVERY_MS = 30_000;

let lastAttempt = Number.NEGATIVE_INFINITY;

const NOT_DONE = "the console stopped before Cloudflare answered, and Cloudflare has no record of it being carried out. Approve again if it is still wanted.";

export async function recoverInterruptedApprovals(now: number): Promise<void> {
  const store = await getApprovalStore();
  const stuck = await store.listApproving(now - INTERRUPTED_AFTER_MS, now);
  if (stuck.length === 0 || now - lastAttempt < RETRY_EVERY_MS) return;
  lastAttempt = now;
  const jobRequests = stuck.filter((r) => !isExactIds(r.body));
  try {
    if (jobRequests.length > 0) await recoverJobs(jobRequests, now);
    for (const request of stuck) if (isExactIds(request.body)) await recoverExact(request, request.body, now);
  } catch (err) {
    console.error(`[triage] could not check interrupted approvals against Cloudflare: ${(err as Error).message}`);
  }
}

async function recoverJobs(requests: ApprovalRequest[], now: number): Promise<void> {
  const store = await getApprovalStore();
  const earliestClaim = Math.min(...requests.map((r) => Date.parse(r.decided_at!)));
  const scan = await jobsByMark(earliestClaim - CLOCK_ROOM_MS);
  for (const request of requests) {
    const job = scan.jobs.get(request.id)?.find((j) => isJobOf(j, request));
    if (job) await store.completeApproval(request.id, job.job_id, now);
    else if (scan.complete) await store.abandonApproval(request.id, NOT_DONE);
    // Otherwise the list was too long to be sure: the request stays as it is, and is looked at again later.
  }
}

/** Search parameters as compared: set values only, in one key order. */
function canonicalSearch(params: Record<string, unknown> | null | undefined): string {
  const entries = Object.entries(params ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/** The job was made for this request: same action, destination and search, created after the claim. */
export function isJobOf(job: BulkJob, request: ApprovalRequest): boolean {
  const body = request.body as CreateBulkJobBody;
  const created = Date.parse(job.created_at ?? "");
  const claimed = Date.parse(request.decided_at ?? "");
  return (
    approvalIdInComment(job.comment) === request.id &&
    (job.action_type ?? job.action_params?.type) === body.action &&
    (body.action !== "MOVE" || job.action_params?.destination === body.destination) &&
    canonicalSearch(job.search_params) === canonicalSearch(body.search_params) &&
    created >= claimed - CLOCK_SKEW_MS
  );
}

interface JobScan {
  /** Request id → the jobs whose comment names it (usually one). */
  jobs: Map<string, BulkJob[]>;
  /** Every job that could be one of them was seen, so a request missing here has no job. */
  complete: boolean;
}

/** Cloudflare's jobs back to `since`, by the mark in their comment. */
async function jobsByMark(since: number): Promise<JobScan> {
  const jobs = new Map<string, BulkJob[]>();
  let newestFirst = true;
  let previous = Number.POSITIVE_INFINITY;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { result } = await listBulkJobs({ page, per_page: PER_PAGE });
    for (const job of result) {
      const requestId = approvalIdInComment(job.comment);
      if (requestId) jobs.set(requestId, [...(jobs.get(requestId) ?? []), job]);
      const created = Date.parse(job.created_at ?? "");
      if (!(created <= previous)) newestFirst = false;
      previous = created;
    }
    if (result.length < PER_PAGE) return { jobs, complete: true };
    // Newest first (as Cloudflare lists them) and already past `since`: older pages cannot hold them.
    if (newestFirst && previous < since) return { jobs, complete: true };
  }
  return { jobs, complete: false };
}

/** Whether an action-log entry is this change, made after the claim. */
function isEntryOf(entry: { operation: string; completed_at?: string | null; started_at?: string | null; properties?: { folder?: string | null } | null }, body: ExactIdsBody, claimed: number): boolean {
  const at = Date.parse(entry.completed_at ?? entry.started_at ?? "");
  if (!(at >= claimed - CLOCK_SKEW_MS)) return false;
  return body.action === "RELEASE" ? /RELEASE/i.test(entry.operation) : /^MOVE/i.test(entry.operation) && entry.properties?.folder === "Inbox";
}

/** Exact messages: one action-log read per message (at most 100), only for a request left half-done. */
async function recoverExact(request: ApprovalRequest, body: ExactIdsBody, now: number): Promise<void> {
  const store = await getApprovalStore();
  const claimed = Date.parse(request.decided_at!);
  const rows: ApprovalSampleRow[] = [];
  let anyDone = false;
  for (const row of request.sample) {
    const { result } = await getActionLog(row.id);
    const done = result.some((entry) => isEntryOf(entry, body, claimed));
    anyDone ||= done;
    rows.push({
      ...row,
      outcome: done
        ? { ok: true, detail: "Done: found in the message's action log after the console stopped" }
        : { ok: false, detail: "Not found in the message's action log after the console stopped" },
    });
  }
  // One call carried every id: any of them done means the call went through, and the rest failed there.
  if (anyDone) await store.completeExact(request.id, rows, now);
  else await store.abandonApproval(request.id, NOT_DONE);
}

/** For tests: forget when recovery last asked Cloudflare. */
export function resetRecoveryThrottle(): void {
  lastAttempt = Number.NEGATIVE_INFINITY;
}
