import { buildCsv } from "@/lib/csv";
import type { AuditEvent } from "./types";

const COLUMNS: [string, (e: AuditEvent) => string | number | null][] = [
  ["id", (e) => e.id],
  ["started_at", (e) => e.started_at],
  ["completed_at", (e) => e.completed_at],
  ["email", (e) => e.email],
  ["role", (e) => e.role],
  ["operation", (e) => e.operation],
  ["message_ids", (e) => e.message_ids.join(" ")],
  ["job_id", (e) => e.job_id],
  ["destination", (e) => e.destination],
  ["outcome", (e) => e.outcome],
  ["upstream_status", (e) => e.upstream_status],
  ["ip", (e) => e.ip],
  ["user_agent", (e) => e.user_agent],
  ["params", (e) => JSON.stringify(e.params)],
  ["result", (e) => JSON.stringify(e.result)],
];

export function auditToCsv(events: readonly AuditEvent[]): string {
  return buildCsv(
    COLUMNS.map(([header]) => header),
    events.map((e) => COLUMNS.map(([, value]) => value(e))),
  );
}
