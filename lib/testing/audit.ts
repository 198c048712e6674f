// The audit trail as tests read and write it.
import { getAuditStore, type AuditFilter, type AuditStore } from "@/lib/audit/store";
import type { AuditEvent } from "@/lib/audit/types";

export async function auditList(filter?: AuditFilter): Promise<AuditEvent[]> {
  return (await getAuditStore()).list(filter);
}

export async function auditRecord(entry: Parameters<AuditStore["record"]>[0]): Promise<number> {
  return (await getAuditStore()).record(entry);
}
