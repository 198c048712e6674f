import { columnsToCsv, type CsvColumn } from "@/lib/csv";
import type { AuditEvent } from "./types";

const COLUMNS: readonly CsvColumn<AuditEvent>[] = [
  { header: "id", value: (e) => e.id },
  { header: "started_at", value: (e) => e.started_at },
  { header: "completed_at", value: (e) => e.completed_at },
  { header: "email", value: (e) => e.email },
  { header: "role", value: (e) => e.role },
  { header: "operation", value: (e) => e.operation },
  { header: "message_ids", value: (e) => e.message_ids.join(" ") },
  { header: "job_id", value: (e) => e.job_id },
  { header: "destination", value: (e) => e.destination },
  { header: "outcome", value: (e) => e.outcome },
  { header: "upstream_status", value: (e) => e.upstream_status },
  { header: "ip", value: (e) => e.ip },
  { header: "user_agent", value: (e) => e.user_agent },
  { header: "params", value: (e) => JSON.stringify(e.params) },
  { header: "result", value: (e) => JSON.stringify(e.result) },
];

export function auditToCsv(events: readonly AuditEvent[]): string {
  return columnsToCsv(COLUMNS, events);
}
