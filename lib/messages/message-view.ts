import type { Message } from "@/lib/cloudflare/types";

/**
 * A message as the console reads it (lib/cloudflare/reply-schemas.ts): only `id` is sure; any
 * other field may be null or absent, enum fields may hold values the console does not know, and
 * the deprecated fields (`ts`, `action_log`, `findings`) are not passed on.
 */
export type { Message };

export type AuthVerdict = "pass" | "fail" | "neutral" | "error" | "none" | "unknown";

export interface AuthSummary {
  spf: AuthVerdict;
  dkim: AuthVerdict;
  dmarc: AuthVerdict;
  /** pass: all three pass; fail: any fails or errors; partial: anything else known; unknown: nothing known. */
  overall: "pass" | "fail" | "partial" | "unknown";
  /** What to print for each: the verdict, or a value the console does not know as Cloudflare sent it. */
  labels: Record<"spf" | "dkim" | "dmarc", string>;
  /** e.g. "SPF pass, DKIM fail, DMARC pass": the words, so colour is never the only signal. */
  text: string;
}

/** When the message reached Email Security: `scanned_at`, else `sent_at` (older records lack the former). */
export function receivedAt(m: Pick<Message, "scanned_at" | "sent_at">): string | null {
  return m.scanned_at || m.sent_at || null;
}

export function receivedAtMs(m: Pick<Message, "scanned_at" | "sent_at">): number | null {
  const iso = receivedAt(m);
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

const VERDICTS: readonly AuthVerdict[] = ["pass", "fail", "neutral", "error", "none"];

function verdict(v: string | null | undefined): AuthVerdict {
  return v && (VERDICTS as readonly string[]).includes(v) ? (v as AuthVerdict) : "unknown";
}

export function authSummary(validation: Message["validation"]): AuthSummary {
  const spf = verdict(validation?.spf);
  const dkim = verdict(validation?.dkim);
  const dmarc = verdict(validation?.dmarc);
  const all = [spf, dkim, dmarc];
  const overall: AuthSummary["overall"] = all.every((v) => v === "pass")
    ? "pass"
    : all.some((v) => v === "fail" || v === "error")
      ? "fail"
      : all.every((v) => v === "unknown")
        ? "unknown"
        : "partial";
  const label = (raw: string | null | undefined, v: AuthVerdict) => (v === "unknown" && raw ? raw : v);
  const labels = { spf: label(validation?.spf, spf), dkim: label(validation?.dkim, dkim), dmarc: label(validation?.dmarc, dmarc) };
  return { spf, dkim, dmarc, overall, labels, text: `SPF ${labels.spf}, DKIM ${labels.dkim}, DMARC ${labels.dmarc}` };
}

/** The sender's address: the header From, else the envelope sender. */
export function senderAddress(m: Pick<Message, "from" | "envelope_from">): string | null {
  return extractAddress(m.from) ?? extractAddress(m.envelope_from);
}

/** `"Name" <a@b.c>` or `a@b.c` → `a@b.c`; anything without an @ → null. */
export function extractAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const candidate = (angled?.[1] ?? value).trim();
  return /^[^\s@]+@[^\s@]+$/.test(candidate) ? candidate : null;
}

export function domainOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf("@");
  if (at < 0 || at === address.length - 1) return null;
  return address.slice(at + 1).toLowerCase();
}

export function senderDomain(m: Pick<Message, "from" | "envelope_from">): string | null {
  return domainOf(senderAddress(m));
}

/** Who it was for: header To, else envelope recipients, else the customer's recipients. */
export function recipientsOf(m: Pick<Message, "to" | "envelope_to" | "client_recipients">): string[] {
  if (m.to && m.to.length > 0) return m.to;
  if (m.envelope_to && m.envelope_to.length > 0) return m.envelope_to;
  return m.client_recipients ?? [];
}

export interface CampaignKey {
  kind: "edf_hash" | "htmltext_structure_hash";
  value: string;
}

/** The fingerprint shared by messages of one campaign, where the API gives one. */
export function campaignKey(m: Pick<Message, "edf_hash" | "htmltext_structure_hash">): CampaignKey | null {
  if (m.edf_hash) return { kind: "edf_hash", value: m.edf_hash };
  if (m.htmltext_structure_hash) return { kind: "htmltext_structure_hash", value: m.htmltext_structure_hash };
  return null;
}

export function formatDeliveryStatus(m: Pick<Message, "delivery_status">): string {
  return (m.delivery_status ?? []).join(", ");
}

/**
 * A disposition's badge tone: its place on the console's one severity scale (lib/severity.ts).
 * Kept under this name so every badge already calling it follows the scale.
 */
export { dispositionSeverity as dispositionTone, type Severity as DispositionTone } from "@/lib/severity";
