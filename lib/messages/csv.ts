import type { Message } from "@/lib/cloudflare/types";
import { authSummary, formatDeliveryStatus, receivedAt, recipientsOf, senderAddress } from "./message-view";
import { columnsToCsv, type CsvColumn } from "@/lib/csv";
import { utcIso } from "@/lib/time/format";

const utcIsoOrNull = (iso: string | null) => (iso === null ? null : utcIso(iso));

export const MESSAGE_CSV_COLUMNS: readonly CsvColumn<Message>[] = [
  { header: "id", value: (m) => m.id },
  { header: "received_at", value: (m) => utcIsoOrNull(receivedAt(m)) },
  { header: "from_name", value: (m) => m.from_name },
  { header: "from", value: (m) => senderAddress(m) ?? m.from },
  { header: "to", value: (m) => recipientsOf(m).join("; ") },
  { header: "subject", value: (m) => m.subject },
  { header: "final_disposition", value: (m) => m.final_disposition },
  { header: "delivery_status", value: (m) => formatDeliveryStatus(m) },
  { header: "threat_categories", value: (m) => (m.threat_categories ?? []).join("; ") },
  { header: "spf", value: (m) => authSummary(m.validation).labels.spf },
  { header: "dkim", value: (m) => authSummary(m.validation).labels.dkim },
  { header: "dmarc", value: (m) => authSummary(m.validation).labels.dmarc },
  { header: "alert_id", value: (m) => m.alert_id },
  { header: "message_id", value: (m) => m.message_id },
  { header: "edf_hash", value: (m) => m.edf_hash },
];

export function messagesToCsv(messages: readonly Message[]): string {
  return columnsToCsv(MESSAGE_CSV_COLUMNS, messages);
}

/** `messages-2026-11-24T0930Z.csv`: sortable, and free of characters file systems refuse. */
export function csvFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/:/g, "");
  return `messages-${stamp}Z.csv`;
}
