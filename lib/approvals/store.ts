import "server-only";
import type Database from "better-sqlite3";
import { getDatabase } from "@/lib/db";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";
import type { ApprovalRequest, ApprovalSampleRow, ApprovalStatus } from "./types";

// All of the approvals' SQL lives here, behind ApprovalStore, so the store can move to another
// database without touching the rules or the routes.

export interface NewApprovalRequest {
  id: string;
  createdAt: number;
  expiresAt: number;
  requestedBy: string;
  body: CreateBulkJobBody;
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
  create(request: NewApprovalRequest): void;
  get(id: string, now: number): ApprovalRequest | undefined;
  forJob(jobId: string, now: number): ApprovalRequest | undefined;
  list(filter: { status: "pending" | "decided" | "all" }, now: number): ApprovalRequest[];
  countPending(now: number): number;
  /**
   * Takes a pending, unexpired request someone else made into `approving`, in one statement: of
   * two clicks or two admins, exactly one gets true and goes on to create the job.
   */
  claimForApproval(decision: Decision): boolean;
  /** The job exists: the request is approved for good. */
  completeApproval(id: string, jobId: string, now: number): void;
  /** Cloudflare refused the job: the request waits again, with the refusal shown. */
  abandonApproval(id: string, error: string): void;
  /** Pending and unexpired to rejected, atomically, by someone other than the requester. */
  reject(decision: Decision): boolean;
}

interface Row {
  id: string;
  created_at: number;
  expires_at: number;
  requested_by: string;
  body: string;
  reasons: string;
  sample: string;
  matched: number;
  matched_more: number;
  status: Exclude<ApprovalStatus, "expired">;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
  job_id: string | null;
  last_error: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function fromRow(row: Row, now: number): ApprovalRequest {
  return {
    id: row.id,
    created_at: iso(row.created_at)!,
    expires_at: iso(row.expires_at)!,
    requested_by: row.requested_by,
    body: JSON.parse(row.body) as CreateBulkJobBody,
    reasons: JSON.parse(row.reasons) as string[],
    sample: JSON.parse(row.sample) as ApprovalSampleRow[],
    matched: row.matched,
    matched_more: row.matched_more === 1,
    status: row.status === "pending" && row.expires_at <= now ? "expired" : row.status,
    decided_by: row.decided_by,
    decided_at: iso(row.decided_at),
    decision_reason: row.decision_reason,
    job_id: row.job_id,
    last_error: row.last_error,
  };
}

export class SqliteApprovalStore implements ApprovalStore {
  constructor(private readonly db: Database.Database) {}

  create(r: NewApprovalRequest): void {
    this.db
      .prepare(
        `INSERT INTO approval_requests (id, created_at, expires_at, requested_by, action, destination, comment, body, reasons, sample, matched, matched_more)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        r.createdAt,
        r.expiresAt,
        r.requestedBy,
        r.body.action,
        r.body.destination ?? null,
        r.body.comment ?? null,
        JSON.stringify(r.body),
        JSON.stringify(r.reasons),
        JSON.stringify(r.sample),
        r.matched,
        r.matchedMore ? 1 : 0,
      );
  }

  get(id: string, now: number): ApprovalRequest | undefined {
    const row = this.db.prepare("SELECT * FROM approval_requests WHERE id = ?").get(id) as Row | undefined;
    return row && fromRow(row, now);
  }

  forJob(jobId: string, now: number): ApprovalRequest | undefined {
    const row = this.db.prepare("SELECT * FROM approval_requests WHERE job_id = ?").get(jobId) as Row | undefined;
    return row && fromRow(row, now);
  }

  list(filter: { status: "pending" | "decided" | "all" }, now: number): ApprovalRequest[] {
    const where =
      filter.status === "pending"
        ? "WHERE status IN ('pending', 'approving') AND expires_at > ?"
        : filter.status === "decided"
          ? "WHERE NOT (status IN ('pending', 'approving') AND expires_at > ?)"
          : "WHERE ? IS NOT NULL";
    const rows = this.db.prepare(`SELECT * FROM approval_requests ${where} ORDER BY created_at DESC LIMIT 200`).all(now) as Row[];
    return rows.map((row) => fromRow(row, now));
  }

  countPending(now: number): number {
    const row = this.db.prepare("SELECT COUNT(*) AS n FROM approval_requests WHERE status = 'pending' AND expires_at > ?").get(now) as { n: number };
    return row.n;
  }

  claimForApproval(d: Decision): boolean {
    const info = this.db
      .prepare(
        `UPDATE approval_requests SET status = 'approving', decided_by = ?, decided_at = ?, decision_reason = ?, last_error = NULL
         WHERE id = ? AND status = 'pending' AND expires_at > ? AND requested_by <> ?`,
      )
      .run(d.by, d.now, d.reason, d.id, d.now, d.by);
    return info.changes === 1;
  }

  completeApproval(id: string, jobId: string, now: number): void {
    this.db.prepare("UPDATE approval_requests SET status = 'approved', job_id = ?, decided_at = ? WHERE id = ? AND status = 'approving'").run(jobId, now, id);
  }

  abandonApproval(id: string, error: string): void {
    this.db
      .prepare(
        "UPDATE approval_requests SET status = 'pending', decided_by = NULL, decided_at = NULL, decision_reason = NULL, last_error = ? WHERE id = ? AND status = 'approving'",
      )
      .run(error.slice(0, 1000), id);
  }

  reject(d: Decision): boolean {
    const info = this.db
      .prepare(
        `UPDATE approval_requests SET status = 'rejected', decided_by = ?, decided_at = ?, decision_reason = ?
         WHERE id = ? AND status = 'pending' AND expires_at > ? AND requested_by <> ?`,
      )
      .run(d.by, d.now, d.reason, d.id, d.now, d.by);
    return info.changes === 1;
  }
}

const globalForApprovals = globalThis as unknown as { __triageApprovals?: ApprovalStore };

export function getApprovalStore(): ApprovalStore {
  globalForApprovals.__triageApprovals ??= new SqliteApprovalStore(getDatabase());
  return globalForApprovals.__triageApprovals;
}
