// What the overview reads of a message, once: the fields it needs, and the derived values
// (sender domain, sending IP, still delivered) every figure uses the same way.
import type { Message } from "@/lib/cloudflare/types";
import { receivedAtMs } from "@/lib/messages/message-view";

export type OverviewMessage = Pick<
  Message,
  | "id"
  | "from"
  | "subject"
  | "to"
  | "client_recipients"
  | "final_disposition"
  | "delivery_status"
  | "threat_categories"
  | "edf_hash"
  | "htmltext_structure_hash"
  | "smtp_helo_server_ip"
  | "smtp_previous_hop_ip"
  | "scanned_at"
  | "sent_at"
>;

export function timeOf(m: OverviewMessage): number | null {
  return receivedAtMs(m);
}

/** The domain of the From address, lower-cased; null when it has none. */
export function senderDomain(m: Pick<OverviewMessage, "from">): string | null {
  const from = m.from ?? "";
  const at = from.lastIndexOf("@");
  if (at < 0) return null;
  const domain = from.slice(at + 1).replace(/>.*$/, "").trim().toLowerCase();
  return domain || null;
}

export function senderAddress(m: Pick<OverviewMessage, "from">): string | null {
  const from = (m.from ?? "").trim().toLowerCase();
  return from || null;
}

/**
 * The IP the mail came from: the HELO server's, which is what the search's `smtp_helo_ip` filter
 * matches, else the previous hop's.
 */
export function sendingIp(m: Pick<OverviewMessage, "smtp_helo_server_ip" | "smtp_previous_hop_ip">): string | null {
  return m.smtp_helo_server_ip || m.smtp_previous_hop_ip || null;
}

/** Still in a mailbox. */
export function deliveredOf(m: Pick<OverviewMessage, "delivery_status">): boolean {
  return (m.delivery_status ?? []).includes("delivered");
}

export function bucketIndex(t: number, h: { start: number; bucketMs: number; buckets: number }): number | null {
  const b = Math.floor((t - h.start) / h.bucketMs);
  if (b < 0) return null;
  return Math.min(b, h.buckets - 1);
}
