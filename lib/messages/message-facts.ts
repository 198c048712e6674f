import type { Message } from "@/lib/cloudflare/types";

// Facts about one message that the header and the actions derive from its detail, computed once here.

/** The Reply-To address when it is not the From address: a classic sign of a BEC attempt. */
export function replyToIfDiffers(m: Pick<Message, "from" | "replyto">): string | null {
  const reply = m.replyto?.trim();
  if (!reply) return null;
  const address = (v: string) => (/<([^<>]+)>/.exec(v)?.[1] ?? v).trim().toLowerCase();
  return m.from && address(m.from) === address(reply) ? null : reply;
}

/** Release only makes sense for what sits in quarantine. */
export function isReleasable(m: Pick<Message, "is_quarantined" | "delivery_status">): boolean {
  return m.is_quarantined || (m.delivery_status ?? []).includes("quarantined");
}
