import "server-only";
import type Database from "better-sqlite3";
import { getDatabase } from "@/lib/db";
import type { AuditEvent, AuditOperation, AuditOutcome } from "./types";

export interface AuditStart {
  email: string;
  role: string;
  operation: AuditOperation;
  messageIds?: string[];
  jobId?: string;
  destination?: string;
  params?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditFilter {
  email?: string;
  operation?: AuditOperation;
  /** Only these operations (e.g. the changes made to a message, not who read it). */
  operations?: readonly AuditOperation[];
  outcome?: AuditOutcome;
  start?: string;
  end?: string;
  messageId?: string;
  limit?: number;
  offset?: number;
}

interface Row extends Omit<AuditEvent, "message_ids" | "params" | "result"> {
  message_ids: string;
  params: string;
  result: string | null;
}

const parseJson = (text: string | null, fallback: unknown) => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
};

/** Results are kept for evidence, not as a data store: a very long one is cut. */
const MAX_RESULT_CHARS = 64 * 1024;

export class AuditStore {
  constructor(private readonly db: Database.Database) {}

  /** Written before the upstream call, so a crash in the middle leaves a pending record. */
  begin(entry: AuditStart): number {
    const insert = this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO audit_events (started_at, email, role, operation, message_ids, job_id, destination, params, ip, user_agent)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          new Date().toISOString(),
          entry.email,
          entry.role,
          entry.operation,
          JSON.stringify(entry.messageIds ?? []),
          entry.jobId ?? null,
          entry.destination ?? null,
          JSON.stringify(entry.params ?? {}),
          entry.ip ?? null,
          entry.userAgent ?? null,
        );
      const id = Number(info.lastInsertRowid);
      const link = this.db.prepare("INSERT INTO audit_event_messages (event_id, message_id) VALUES (?, ?)");
      for (const messageId of entry.messageIds ?? []) link.run(id, messageId);
      return id;
    });
    return insert();
  }

  /** `jobId` names a bulk job only known once Cloudflare has created it. */
  complete(
    id: number,
    outcome: Exclude<AuditOutcome, "pending">,
    upstreamStatus: number,
    result: unknown,
    jobId?: string,
  ): void {
    let text = JSON.stringify(result ?? null);
    if (text.length > MAX_RESULT_CHARS) text = JSON.stringify({ truncated: true, preview: text.slice(0, MAX_RESULT_CHARS) });
    this.db
      .prepare(
        "UPDATE audit_events SET completed_at = ?, outcome = ?, upstream_status = ?, result = ?, job_id = COALESCE(job_id, ?) WHERE id = ?",
      )
      .run(new Date().toISOString(), outcome, upstreamStatus, text, jobId ?? null, id);
  }

  /** An event that is over as soon as it happens (a sign-in, a refusal, a download): one row, complete. */
  record(entry: AuditStart & { outcome: Exclude<AuditOutcome, "pending">; status: number; result?: unknown }): number {
    const { outcome, status, result, ...start } = entry;
    const id = this.begin(start);
    this.complete(id, outcome, status, result ?? null);
    return id;
  }

  list(filter: AuditFilter = {}): AuditEvent[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.email) {
      where.push("e.email = ?");
      args.push(filter.email.toLowerCase());
    }
    if (filter.operation) {
      where.push("e.operation = ?");
      args.push(filter.operation);
    }
    if (filter.operations) {
      where.push(`e.operation IN (${filter.operations.map(() => "?").join(", ") || "NULL"})`);
      args.push(...filter.operations);
    }
    if (filter.outcome) {
      where.push("e.outcome = ?");
      args.push(filter.outcome);
    }
    if (filter.start) {
      where.push("e.started_at >= ?");
      args.push(new Date(filter.start).toISOString());
    }
    if (filter.end) {
      where.push("e.started_at <= ?");
      args.push(new Date(filter.end).toISOString());
    }
    if (filter.messageId) {
      where.push("e.id IN (SELECT event_id FROM audit_event_messages WHERE message_id = ?)");
      args.push(filter.messageId);
    }
    const sql = `SELECT e.* FROM audit_events e ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
                 ORDER BY e.started_at DESC, e.id DESC LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(...args, filter.limit ?? 100, filter.offset ?? 0) as Row[];
    return rows.map((row) => ({
      ...row,
      message_ids: parseJson(row.message_ids, []) as string[],
      params: parseJson(row.params, {}) as Record<string, unknown>,
      result: parseJson(row.result, null),
    }));
  }
}

const globalForAudit = globalThis as unknown as { __triageAudit?: AuditStore };

export function getAuditStore(): AuditStore {
  globalForAudit.__triageAudit ??= new AuditStore(getDatabase());
  return globalForAudit.__triageAudit;
}
