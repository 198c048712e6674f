import "server-only";
import type { Selectable, Updateable } from "kysely";
import { getDb, type Db } from "@/lib/db";
import type { ApprovalRequestsTable } from "@/lib/db/schema";
import type { ApprovalBody, ApprovalRequest, ApprovalSampleRow, ApprovalStatus } from "./types";

// All of the approvals' queries live here, behind ApprovalStore, in Kysely's builder so the same
// code runs on the embedded SQLite file and on PostgreSQL.

export interface NewApprovalRequest {
  id: string;
  createdAt: number;
  expiresAt: number;
  requestedBy: string;
  body: ApprovalBody;
  reasons: string[];
  sample: ApprovalSampleRow[];
  matched: number;
  matchedMore: boolean;
}

export interface Decision {
  id: string;
  by: string;
  reason: string;
  now: number;
}

export interface ApprovalStore {
  create(request: NewApprovalRequest): Promise<void>;
  get(id: string, now: number): Promise<ApprovalRequest | undefined>;
  forJob(jobId: string, now: number): Promise<ApprovalRequest | undefined>;
  list(filter: { status: "pending" | "decided" | "all" }, now: number): Promise<ApprovalRequest[]>;
  countPending(now: number): Promise<number>;
  /**
   * Takes a pending, unexpired request someone else made into `approving`, in one statement: of
   * two clicks or two admins (on any instance), exactly one gets true and goes on to create the job.
   */
  claimForApproval(decision: Decision): Promise<boolean>;
  /** Requests claimed for approval at or before `decidedBefore` and never finished (see recovery.ts). */
  listApproving(decidedBefore: number, now: number): Promise<ApprovalRequest[]>;
  /** The job exists: the request is approved for good. */
  completeApproval(id: string, jobId: string, now: number): Promise<void>;
  /** Exact messages were acted on: the request is approved for good, each row with its outcome. */
  completeExact(id: string, rows: ApprovalSampleRow[], now: number): Promise<void>;
  /** Cloudflare refused the job: the request waits again, with the refusal shown. */
  abandonApproval(id: string, error: string): Promise<void>;
  /** Pending and unexpired to rejected, atomically, by someone other than the requester. */
  reject(decision: Decision): Promise<boolean>;
}

type Row = Selectable<ApprovalRequestsTable>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function fromRow(row: Row, now: number): ApprovalRequest {
  return {
    id: row.id,
    created_at: iso(row.created_at)!,
    expires_at: iso(row.expires_at)!,
    requested_by: row.requested_by,
    body: JSON.parse(row.body) as ApprovalBody,
    reasons: JSON.parse(row.reasons) as string[],
    sample: JSON.parse(row.sample) as ApprovalSampleRow[],
    matched: row.matched,
    matched_more: row.matched_more === 1,
    status: row.status === "pending" && row.expires_at <= now ? "expired" : (row.status as Exclude<ApprovalStatus, "expired">),
    decided_by: row.decided_by,
    decided_at: iso(row.decided_at),
    decision_reason: row.decision_reason,
    job_id: row.job_id,
    last_error: row.last_error,
  };
}

const OPEN = ["pending", "approving"];

export class KyselyApprovalStore implements ApprovalStore {
  constructor(private readonly db: Db) {}

  async create(r: NewApprovalRequest): Promise<void> {
    await this.db
      .insertInto("approval_requests")
      .values({
        id: r.id,
        created_at: r.createdAt,
        expires_at: r.expiresAt,
        requested_by: r.requestedBy,
        action: r.body.action,
        destination: ("destination" in r.body ? r.body.destination : null) ?? null,
        comment: ("comment" in r.body ? r.body.comment : null) ?? null,
        body: JSON.stringify(r.body),
        reasons: JSON.stringify(r.reasons),
        sample: JSON.stringify(r.sample),
        matched: r.matched,
        matched_more: r.matchedMore ? 1 : 0,
      })
      .execute();
  }

  async get(id: string, now: number): Promise<ApprovalRequest | undefined> {
    const row = await this.db.selectFrom("approval_requests").selectAll().where("id", "=", id).executeTakeFirst();
    return row && fromRow(row, now);
  }

  async forJob(jobId: string, now: number): Promise<ApprovalRequest | undefined> {
    const row = await this.db.selectFrom("approval_requests").selectAll().where("job_id", "=", jobId).executeTakeFirst();
    return row && fromRow(row, now);
  }

  async list(filter: { status: "pending" | "decided" | "all" }, now: number): Promise<ApprovalRequest[]> {
    let query = this.db.selectFrom("approval_requests").selectAll();
    if (filter.status === "pending") query = query.where("status", "in", OPEN).where("expires_at", ">", now);
    else if (filter.status === "decided") {
      query = query.where((eb) => eb.or([eb("status", "not in", OPEN), eb("expires_at", "<=", now)]));
    }
    const rows = await query.orderBy("created_at", "desc").limit(200).execute();
    return rows.map((row) => fromRow(row, now));
  }

  async countPending(now: number): Promise<number> {
    const row = await this.db
      .selectFrom("approval_requests")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("status", "=", "pending")
      .where("expires_at", ">", now)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listApproving(decidedBefore: number, now: number): Promise<ApprovalRequest[]> {
    const rows = await this.db
      .selectFrom("approval_requests")
      .selectAll()
      .where("status", "=", "approving")
      .where("decided_at", "<=", decidedBefore)
      .limit(100)
      .execute();
    return rows.map((row) => fromRow(row, now));
  }

  async claimForApproval(d: Decision): Promise<boolean> {
    return this.decide(d, { status: "approving", decided_by: d.by, decided_at: d.now, decision_reason: d.reason, last_error: null });
  }

  async completeApproval(id: string, jobId: string, now: number): Promise<void> {
    await this.db
      .updateTable("approval_requests")
      .set({ status: "approved", job_id: jobId, decided_at: now })
      .where("id", "=", id)
      .where("status", "=", "approving")
      .execute();
  }

  async completeExact(id: string, rows: ApprovalSampleRow[], now: number): Promise<void> {
    await this.db
      .updateTable("approval_requests")
      .set({ status: "approved", sample: JSON.stringify(rows), decided_at: now })
      .where("id", "=", id)
      .where("status", "=", "approving")
      .execute();
  }

  async abandonApproval(id: string, error: string): Promise<void> {
    await this.db
      .updateTable("approval_requests")
      .set({ status: "pending", decided_by: null, decided_at: null, decision_reason: null, last_error: error.slice(0, 1000) })
      .where("id", "=", id)
      .where("status", "=", "approving")
      .execute();
  }

  async reject(d: Decision): Promise<boolean> {
    return this.decide(d, { status: "rejected", decided_by: d.by, decided_at: d.now, decision_reason: d.reason });
  }

  /**
   * The one rule for deciding a request, as a single conditional update: it must still be pending,
   * not expired, and decided by someone other than its requester. True for the one caller that won.
   */
  private async decide(d: Decision, set: Updateable<ApprovalRequestsTable>): Promise<boolean> {
    const result = await this.db
      .updateTable("approval_requests")
      .set(set)
      .where("id", "=", d.id)
      .where("status", "=", "pending")
      .where("expires_at", ">", d.now)
      .where("requested_by", "<>", d.by)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}

/** The process's store over the console database (opened and migrated once). */
export async function getApprovalStore(): Promise<ApprovalStore> {
  return new KyselyApprovalStore(await getDb());
}
