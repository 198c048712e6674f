import "server-only";
import { listBulkJobs } from "@/lib/cloudflare";
import { WRITE_OPTIONS } from "@/lib/cloudflare/client";
import { approvalIdInComment } from "./mark";
import { getApprovalStore } from "./store";

// An instance that stops between claiming an approval and recording Cloudflare's answer leaves
// the request `approving` for good: nobody can approve or reject it, and whether the job exists
// is unknown. Every approved job's comment carries its request's mark, so Cloudflare's own job
// list settles it: the job is there (the request is approved with it) or it is not (the request
// waits again, saying why). Recovery never creates a job, so it cannot start one twice.

/**
 * How long after its claim an approval must have finished (two minutes): the create call's own
 * timeout, with no retry (WRITE_OPTIONS), and room for instances whose clocks differ.
 */
export const INTERRUPTED_AFTER_MS = WRITE_OPTIONS.timeout + 90_000;
const PER_PAGE = 100;
const MAX_PAGES = 10;
/** Jobs created this long before a claim cannot be its job; a newest-first scan may stop there. */
const CLOCK_ROOM_MS = 10 * 60_000;
/** Recovery asks Cloudflare at most this often per instance, however often the list is read. */
const RETRY_EVERY_MS = 30_000;

let lastAttempt = Number.NEGATIVE_INFINITY;

export async function recoverInterruptedApprovals(now: number): Promise<void> {
  const store = await getApprovalStore();
  const stuck = await store.listApproving(now - INTERRUPTED_AFTER_MS, now);
  if (stuck.length === 0 || now - lastAttempt < RETRY_EVERY_MS) return;
  lastAttempt = now;
  const earliestClaim = Math.min(...stuck.map((r) => Date.parse(r.decided_at!)));
  let scan: JobScan;
  try {
    scan = await jobsByMark(earliestClaim - CLOCK_ROOM_MS);
  } catch (err) {
    console.error(`[triage] could not check interrupted approvals against Cloudflare's jobs: ${(err as Error).message}`);
    return;
  }
  for (const request of stuck) {
    const jobId = scan.jobs.get(request.id);
    if (jobId) await store.completeApproval(request.id, jobId, now);
    else if (scan.complete) {
      await store.abandonApproval(
        request.id,
        "the console stopped before Cloudflare answered, and Cloudflare has no job from that approval. Approve again if it is still wanted.",
      );
    }
    // Otherwise the list was too long to be sure: the request stays as it is, and is looked at again later.
  }
}

interface JobScan {
  /** Request id → the id of the job made for it. */
  jobs: Map<string, string>;
  /** Every job that could be one of them was seen, so a request missing here has no job. */
  complete: boolean;
}

/** Cloudflare's jobs back to `since`, by the mark in their comment. */
async function jobsByMark(since: number): Promise<JobScan> {
  const jobs = new Map<string, string>();
  let newestFirst = true;
  let previous = Number.POSITIVE_INFINITY;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { result } = await listBulkJobs({ page, per_page: PER_PAGE });
    for (const job of result) {
      const requestId = approvalIdInComment(job.comment);
      if (requestId) jobs.set(requestId, job.job_id);
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

/** For tests: forget when recovery last asked Cloudflare. */
export function resetRecoveryThrottle(): void {
  lastAttempt = Number.NEGATIVE_INFINITY;
}
