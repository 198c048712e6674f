import type { BulkJob } from "@/lib/cloudflare/types";
import { ACTIVE_JOB_STATUSES, type JobStatus } from "@/lib/schemas/enums";

/**
 * What a job has done so far, from its counters. Cloudflare states the invariant
 * discovered = pending + successful + failed + skipped + cancelled; `consistent` says whether a
 * reply kept it, so the UI can say so instead of drawing a bar that does not add up.
 */
export interface JobProgress {
  discovered: number;
  successful: number;
  failed: number;
  skipped: number;
  cancelled: number;
  pending: number;
  /** Messages with an outcome: everything but pending. */
  done: number;
  /** 0–100, whole numbers; 0 while nothing is discovered. */
  percent: number;
  consistent: boolean;
  /** Discovery has not finished, so there is nothing to count against yet. */
  indeterminate: boolean;
  /** One line for the bar's text label and its aria-valuetext. */
  label: string;
}

type Counters = Pick<
  BulkJob,
  | "status"
  | "total_messages_discovered"
  | "messages_successful"
  | "messages_failed"
  | "messages_skipped"
  | "messages_cancelled"
  | "messages_pending"
>;

// Counters from an upstream reply are trusted for display only: a missing or negative one is 0.
const count = (n: unknown): number => (typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

export function isActiveStatus(status: string | null | undefined): boolean {
  return (ACTIVE_JOB_STATUSES as readonly string[]).includes(status ?? "");
}

/**
 * A job whose counters will not change again: its reply may be served from the read cache. An
 * active job's reply must not be, or the counters and the message list (cached at different
 * moments) tell two different stories.
 */
export function isSettledJob(job: { status?: string | null }): boolean {
  return !isActiveStatus(job.status);
}

/**
 * A page of a job's messages that will not change again: every row has its outcome. An empty
 * page is never settled, because the job may still be finding its messages; caching it once
 * made the job page say "no messages" next to counters of 14 succeeded and 3 failed.
 */
export function isSettledJobMessages(rows: readonly { status?: string | null }[]): boolean {
  return rows.length > 0 && rows.every((r) => r.status != null && r.status !== "PENDING" && r.status !== "PROCESSING");
}

export function hasActiveJob(jobs: readonly { status?: JobStatus | string | null }[] | undefined): boolean {
  return (jobs ?? []).some((j) => isActiveStatus(j.status));
}

export function jobProgress(job: Counters): JobProgress {
  const discovered = count(job.total_messages_discovered);
  const successful = count(job.messages_successful);
  const failed = count(job.messages_failed);
  const skipped = count(job.messages_skipped);
  const cancelled = count(job.messages_cancelled);
  const pending = count(job.messages_pending);
  const done = successful + failed + skipped + cancelled;
  const consistent = done + pending === discovered;
  const indeterminate = discovered === 0 && (job.status === "PENDING" || job.status === "DISCOVERING");
  const percent = discovered === 0 ? (isActiveStatus(job.status) ? 0 : 100) : Math.min(100, Math.floor((done / discovered) * 100));
  const label = indeterminate
    ? job.status === "PENDING"
      ? "Waiting to start"
      : "Discovering messages…"
    : `${done} of ${discovered} processed: ${successful} successful, ${failed} failed, ${skipped} skipped, ${cancelled} cancelled, ${pending} pending`;
  return { discovered, successful, failed, skipped, cancelled, pending, done, percent, consistent, indeterminate, label };
}

/**
 * How long the job has run: started → completed, or → now while it runs. Null before it
 * starts; a job cancelled while PENDING has no start, so it falls back to created.
 */
export function jobDurationMs(job: Pick<BulkJob, "created_at" | "started_at" | "completed_at" | "status">, now: number): number | null {
  const from = Date.parse(job.started_at ?? (job.completed_at ? (job.created_at ?? "") : ""));
  if (Number.isNaN(from)) return null;
  const to = job.completed_at ? Date.parse(job.completed_at) : isActiveStatus(job.status) ? now : NaN;
  if (Number.isNaN(to)) return null;
  return Math.max(0, to - from);
}

/** "850 ms", "42 s", "3 min 05 s", "2 h 07 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m % 60).padStart(2, "0")} min`;
}

/** "Move to JunkEmail" / "Release": what the job does, in one phrase. */
export function describeAction(job: Pick<BulkJob, "action_type" | "action_params">): string {
  if (job.action_type === "MOVE") {
    const destination = job.action_params && "destination" in job.action_params ? job.action_params.destination : null;
    return destination ? `Move to ${destination}` : "Move";
  }
  if (job.action_type === "RELEASE") return "Release";
  // An action the console does not know is named as Cloudflare named it.
  return job.action_type || "Unknown action";
}
