import "server-only";
import { sql } from "kysely";
import { getDb, type Db } from "@/lib/db";
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
  constructor(private readonly db: Db) {}

  /** Written before the upstream call, so a crash in the middle leaves a pending record. */
  async begin(entry: AuditStart): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const { id } = await tx
        .insertInto("audit_events")
        .values({
          started_at: new Date().toISOString(),
          email: entry.email,
          role: entry.role,
          operation: entry.operation,
          message_ids: JSON.stringify(entry.messageIds ?? []),
          job_id: entry.jobId ?? null,
          destination: entry.destination ?? null,
          params: JSON.stringify(entry.params ?? {}),
          ip: entry.ip ?? null,
          user_agent: entry.userAgent ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const links = (entry.messageIds ?? []).map((message_id) => ({ event_id: Number(id), message_id }));
      if (links.length) await tx.insertInto("audit_event_messages").values(links).execute();
      return Number(id);
    });
  }

  /** `jobId` names a bulk job only known once Cloudflare has created it. */
  async complete(
    id: number,
    outcome: Exclude<AuditOutcome, "pending">,
    upstreamStatus: number,
    result: unknown,
    jobId?: string,
  ): Promise<void> {
    let text = JSON.stringify(result ?? null);
    if (text.length > MAX_RESULT_CHARS) text = JSON.stringify({ truncated: true, preview: text.slice(0, MAX_RESULT_CHARS) });
    await this.db
      .updateTable("audit_events")
      .set((eb) => ({
        completed_at: new Date().toISOString(),
        outcome,
        upstream_status: upstreamStatus,
        result: text,
        job_id: eb.fn.coalesce("job_id", eb.val(jobId ?? null)),
      }))
      .where("id", "=", id)
      .execute();
  }

  /** An event that is over as soon as it happens (a sign-in, a refusal, a download): one row, complete. */
  async record(entry: AuditStart & { outcome: Exclude<AuditOutcome, "pending">; status: number; result?: unknown }): Promise<number> {
    const { outcome, status, result, ...start } = entry;
    const id = await this.begin(start);
    await this.complete(id, outcome, status, result ?? null);
    return id;
  }

  /** Rewrites a completed row's parameters and result (a count of repeated attempts grew). */
  async amend(id: number, params: Record<string, unknown>, result: unknown): Promise<void> {
    await this.db
      .updateTable("audit_events")
      .set({ params: JSON.stringify(params), result: JSON.stringify(result ?? null) })
      .where("id", "=", id)
      .execute();
  }

  async list(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    let query = this.db.selectFrom("audit_events as e").selectAll("e");
    if (filter.email) query = query.where("e.email", "=", filter.email.toLowerCase());
    if (filter.operation) query = query.where("e.operation", "=", filter.operation);
    if (filter.operations) {
      const operations = [...filter.operations];
      query = operations.length ? query.where("e.operation", "in", operations) : query.where(sql<boolean>`1 = 0`);
    }
    if (filter.outcome) query = query.where("e.outcome", "=", filter.outcome);
    if (filter.start) query = query.where("e.started_at", ">=", new Date(filter.start).toISOString());
    if (filter.end) query = query.where("e.started_at", "<=", new Date(filter.end).toISOString());
    if (filter.messageId) {
      const messageId = filter.messageId;
      query = query.where("e.id", "in", (eb) =>
        eb.selectFrom("audit_event_messages").select("event_id").where("message_id", "=", messageId),
      );
    }
    const rows = await query
      .orderBy("e.started_at", "desc")
      .orderBy("e.id", "desc")
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      operation: row.operation as AuditOperation,
      outcome: row.outcome as AuditOutcome,
      message_ids: parseJson(row.message_ids, []) as string[],
      params: parseJson(row.params, {}) as Record<string, unknown>,
      result: parseJson(row.result, null),
    }));
  }
}

/** The audit trail in the console's database (a store holds no state of its own: one per call is free). */
export async function getAuditStore(): Promise<AuditStore> {
  return new AuditStore(await getDb());
}
