// Bulk action jobs. There are no timers: every request first calls advanceJobs(now), which
// replays whatever state transitions the clock has passed since the last request.
import { badRequest, conflict, notFound } from "./envelope";
import { moveBlocker, moveMessage, releaseBlocker, releaseMessage } from "./mutations";
import { deterministicUuid, hashString } from "./prng";
import { filterFromBody, matchesFilter } from "./search";
import { isoSeconds, serializeMessage } from "./serialize";
import { DESTINATIONS, DISPOSITIONS, type Destination, type MessageRecord } from "./types";

export const PENDING_MS = 500;
export const DISCOVERING_MS = 1000;
export const MS_PER_MESSAGE = 40; // 25 messages a second
const FAILURE_RATE = 0.03;

export const JOB_STATUSES = ["PENDING", "DISCOVERING", "PROCESSING", "COMPLETED", "FAILED", "CANCELLED", "SKIPPED"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
type RowStatus = "PENDING" | "COMPLETED" | "FAILED" | "CANCELLED" | "SKIPPED";
const TERMINAL: ReadonlySet<JobStatus> = new Set(["COMPLETED", "CANCELLED", "FAILED", "SKIPPED"]);

interface JobRow {
  uuid: string;
  message: MessageRecord;
  clientRecipient: string;
  status: RowStatus;
  retryCount: number;
  retryAfter: number | null;
  statusMessage: string | null;
  processedAt: number | null;
}

interface Job {
  id: string;
  sequence: number;
  action: "MOVE" | "RELEASE";
  destination: Destination | null;
  expectedDisposition: string | null;
  comment: string | null;
  searchParams: Record<string, unknown>;
  createdAt: number;
  startedAt: number | null;
  discoveredAt: number | null;
  completedAt: number | null;
  status: JobStatus;
  statusMessage: string | null;
  rows: JobRow[];
  processed: number;
}

const SEARCH_PARAM_KEYS = [
  "action_log", "alert_id", "delivery_status", "detections_only", "domain", "end", "exact_subject", "final_disposition", "message_action",
  "message_id", "metric", "query", "recipient", "sender", "smtp_helo_ip", "start", "subject", "submissions",
];

export class JobStore {
  private jobs = new Map<string, Job>();
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly messages: () => readonly MessageRecord[],
    /** The id a message goes by on the wire (variance mode may make it odd). */
    private readonly wireId: (m: MessageRecord) => string = (m) => m.id,
  ) {}

  create(body: unknown, now: number): Record<string, unknown> {
    if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("Request body must be a JSON object", "/");
    const b = body as Record<string, unknown>;
    if (b.action !== "MOVE" && b.action !== "RELEASE") throw badRequest("action must be one of: MOVE, RELEASE", "/action");
    if (!b.search_params || typeof b.search_params !== "object" || Array.isArray(b.search_params)) {
      throw badRequest("search_params is required", "/search_params");
    }
    let destination: Destination | null = null;
    if (b.action === "MOVE") {
      if (!DESTINATIONS.includes(b.destination as Destination)) {
        throw badRequest(`destination is required for MOVE and must be one of: ${DESTINATIONS.join(", ")}`, "/destination");
      }
      destination = b.destination as Destination;
    }
    if (b.expected_disposition != null && !DISPOSITIONS.includes(b.expected_disposition as never)) {
      throw badRequest(`expected_disposition must be one of: ${DISPOSITIONS.join(", ")}`, "/expected_disposition");
    }
    if (b.comment != null && typeof b.comment !== "string") throw badRequest("comment must be a string", "/comment");
    const raw = b.search_params as Record<string, unknown>;
    if (raw.action_log != null && typeof raw.action_log !== "boolean") throw badRequest("action_log must be a boolean", "/search_params/action_log");
    filterFromBody(raw, now); // validate now; discovery re-reads it against the clock at discovery time
    const searchParams = Object.fromEntries(SEARCH_PARAM_KEYS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
    const sequence = ++this.counter;
    const job: Job = {
      id: deterministicUuid(this.seed, `job${sequence}`),
      sequence,
      action: b.action,
      destination,
      expectedDisposition: (b.expected_disposition as string | null | undefined) ?? null,
      comment: (b.comment as string | null | undefined) ?? null,
      searchParams,
      createdAt: now,
      startedAt: null,
      discoveredAt: null,
      completedAt: null,
      status: "PENDING",
      statusMessage: null,
      rows: [],
      processed: 0,
    };
    this.jobs.set(job.id, job);
    return this.serialize(job);
  }

  advance(now: number): void {
    for (const job of this.jobs.values()) this.advanceJob(job, now);
  }

  private advanceJob(job: Job, now: number): void {
    if (TERMINAL.has(job.status)) return;
    const discoverAt = job.createdAt + PENDING_MS;
    const processAt = discoverAt + DISCOVERING_MS;
    if (job.status === "PENDING" && now >= discoverAt) {
      job.status = "DISCOVERING";
      job.startedAt = discoverAt;
      job.discoveredAt = discoverAt;
      const filter = filterFromBody(job.searchParams, discoverAt);
      job.rows = this.messages()
        .filter((m) => matchesFilter(m, filter))
        .map((m, i) => ({
          uuid: deterministicUuid(this.seed, `${job.id}/row${i}`),
          message: m,
          clientRecipient: m.clientRecipients[0] ?? m.envelopeTo[0] ?? "",
          status: "PENDING" as const,
          retryCount: 0,
          retryAfter: null,
          statusMessage: null,
          processedAt: null,
        }));
    }
    if (job.status === "DISCOVERING" && now >= processAt) job.status = "PROCESSING";
    if (job.status !== "PROCESSING") return;
    while (job.processed < job.rows.length) {
      const dueAt = processAt + (job.processed + 1) * MS_PER_MESSAGE;
      if (dueAt > now) break;
      const row = job.rows[job.processed];
      if (row) this.processRow(job, row, dueAt);
      job.processed++;
    }
    if (job.processed >= job.rows.length) {
      job.status = "COMPLETED";
      job.completedAt = processAt + job.rows.length * MS_PER_MESSAGE;
    }
  }

  private processRow(job: Job, row: JobRow, at: number): void {
    row.processedAt = at;
    const m = row.message;
    // A fixed ~3% of rows fail as if the mailbox provider kept refusing; which ones is a pure
    // function of job and message so reruns are reproducible.
    if (hashString(`${job.id}/${m.id}`, this.seed) / 4294967296 < FAILURE_RATE) {
      row.status = "FAILED";
      row.retryCount = 3;
      row.retryAfter = null;
      row.statusMessage = "Mailbox provider returned 503 Service Unavailable after 3 attempts";
      return;
    }
    if (job.action === "MOVE" && job.destination) {
      const blocker = moveBlocker(m) ?? (m.currentFolder === job.destination ? `Message is already in ${job.destination}` : null);
      if (blocker) {
        row.status = "SKIPPED";
        row.statusMessage = blocker;
        return;
      }
      moveMessage(m, job.destination, at);
    } else {
      const blocker = releaseBlocker(m);
      if (blocker) {
        row.status = "SKIPPED";
        row.statusMessage = blocker;
        return;
      }
      releaseMessage(m, at);
    }
    row.status = "COMPLETED";
  }

  private find(id: string): Job {
    const job = this.jobs.get(id.toLowerCase());
    if (!job) throw notFound("Bulk job not found");
    return job;
  }

  get(id: string): Record<string, unknown> {
    return this.serialize(this.find(id));
  }

  cancel(id: string, now: number): Record<string, unknown> {
    const job = this.find(id);
    if (TERMINAL.has(job.status)) throw conflict(`Job is already ${job.status} and cannot be cancelled`);
    job.status = "CANCELLED";
    job.statusMessage = "Cancelled by request";
    job.completedAt = now;
    for (const row of job.rows) {
      if (row.status === "PENDING") {
        row.status = "CANCELLED";
        row.statusMessage = "Job was cancelled before this message was processed";
      }
    }
    return this.serialize(job);
  }

  delete(id: string): { id: string } {
    const job = this.find(id);
    if (!TERMINAL.has(job.status)) {
      throw conflict(`Only jobs in a terminal state (COMPLETED, CANCELLED, FAILED, SKIPPED) can be deleted; this job is ${job.status}. Cancel it first.`);
    }
    this.jobs.delete(job.id);
    return { id: job.id };
  }

  list(filters: { status: string | null; actionType: string | null }): Record<string, unknown>[] {
    return [...this.jobs.values()]
      .filter((j) => (!filters.status || j.status === filters.status) && (!filters.actionType || j.action === filters.actionType))
      .sort((a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence)
      .map((j) => this.serialize(j));
  }

  rows(id: string, status: string | null): Record<string, unknown>[] {
    const job = this.find(id);
    return job.rows.filter((r) => !status || r.status === status).map((r) => this.serializeRow(job, r));
  }

  private serialize(job: Job): Record<string, unknown> {
    const count = (s: RowStatus): number => job.rows.reduce((n, r) => n + (r.status === s ? 1 : 0), 0);
    return {
      job_id: job.id,
      action_type: job.action,
      action_params: job.action === "MOVE" ? { type: "MOVE", destination: job.destination, ...(job.expectedDisposition ? { expected_disposition: job.expectedDisposition } : {}) } : { type: "RELEASE" },
      search_params: { ...job.searchParams },
      status: job.status,
      status_message: job.statusMessage,
      comment: job.comment,
      created_at: isoSeconds(job.createdAt),
      started_at: job.startedAt === null ? null : isoSeconds(job.startedAt),
      completed_at: job.completedAt === null ? null : isoSeconds(job.completedAt),
      total_messages_discovered: job.rows.length,
      messages_pending: count("PENDING"),
      messages_successful: count("COMPLETED"),
      messages_failed: count("FAILED"),
      messages_skipped: count("SKIPPED"),
      messages_cancelled: count("CANCELLED"),
    };
  }

  private serializeRow(job: Job, row: JobRow): Record<string, unknown> {
    const m = row.message;
    return {
      message_id: row.uuid,
      postfix_id: m.postfixId,
      action_type: job.action,
      action_params:
        job.action === "MOVE"
          ? { type: "MOVE", destination: job.destination, client_recipient: row.clientRecipient, ...(job.expectedDisposition ? { expected_disposition: job.expectedDisposition } : {}) }
          : { type: "RELEASE", client_recipient: row.clientRecipient },
      status: row.status,
      retry_count: row.retryCount,
      retry_after: row.retryAfter === null ? null : isoSeconds(row.retryAfter),
      status_message: row.statusMessage,
      processed_at: row.processedAt === null ? null : isoSeconds(row.processedAt),
      created_at: isoSeconds(job.discoveredAt ?? job.createdAt),
      alert_id: m.alertId,
      email_message_id: m.messageId,
      message: serializeMessage(m, this.wireId(m)),
    };
  }
}
