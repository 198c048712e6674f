// What the overview reads of a message, once: the fields it needs, and the derived values
// (sender domain, sending IP, still delivered) every figure uses the same way.
import type { Message } from "@/lib/cloudflare/types";
import { receivedAtMs } from "@/lib/messages/message-view";

export type OverviewMessage = Pick<
  Message,
  | "id"
  | "from"
  | "envelope_from"
  | "envelope_to"
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

// Who sent it and to whom: read the way the list and the message page read them.
export { recipientsOf, senderAddress, senderDomain } from "@/lib/messages/message-view";

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
