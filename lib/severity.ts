/**
 * The console's one severity scale. Every disposition badge (the list, the message header and
 * detections, the bulk dry run, submissions) and every delivery-status badge takes its weight from
 * here, so "how bad is this" reads the same on every page: MALICIOUS and MALICIOUS-BEC strongest,
 * then SPOOF, SUSPICIOUS, SPAM, BULK, NONE. Colour only reinforces the word; the word is always shown.
 */

/** Strongest first. "unknown": a verdict Cloudflare added that the console does not know yet. */
export const SEVERITIES = ["critical", "high", "elevated", "low", "minimal", "none", "unknown"] as const;
export type Severity = (typeof SEVERITIES)[number];

const BY_DISPOSITION: Readonly<Record<string, Severity>> = {
  MALICIOUS: "critical",
  "MALICIOUS-BEC": "critical",
  SPOOF: "high",
  SUSPICIOUS: "elevated",
  SPAM: "low",
  BULK: "minimal",
  NONE: "none",
};

export function dispositionSeverity(disposition: string | null | undefined): Severity {
  return (disposition && BY_DISPOSITION[disposition]) || "unknown";
}

/** 0 for the strongest; for sorting and comparing ("at least as bad as SUSPICIOUS"). */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Verdicts that make a message a threat: the ones that must not sit in a mailbox. */
export function isThreat(disposition: string | null | undefined): boolean {
  return severityRank(dispositionSeverity(disposition)) <= severityRank("elevated");
}

/**
 * How loudly a delivery status speaks, given the verdict: a threat that was delivered is still in
 * someone's mailbox and needs action now ("alert"); a failed move needs a second look
 * ("attention"); quarantined, moved and never-delivered mail is dealt with and recedes.
 */
export type DeliveryEmphasis = "alert" | "attention" | "normal" | "receded";

const RECEDED = new Set(["quarantined", "moved", "rejected", "bounced"]);

export function deliveryEmphasis(status: string, disposition: string | null | undefined): DeliveryEmphasis {
  if (status === "delivered") return isThreat(disposition) ? "alert" : "normal";
  if (status === "move_failed") return "attention";
  return RECEDED.has(status) ? "receded" : "normal";
}

/** A threat still in a mailbox: delivered with a MALICIOUS, MALICIOUS-BEC, SPOOF or SUSPICIOUS verdict. */
export function isDeliveredThreat(m: { final_disposition?: string | null; delivery_status?: readonly string[] | null }): boolean {
  return (m.delivery_status ?? []).some((s) => deliveryEmphasis(s, m.final_disposition) === "alert");
}
