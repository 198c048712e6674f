// Client-safe. What "the sender" of a message means for a block or allow pattern.

export type SenderScope = "address" | "domain";

export interface SenderPattern {
  pattern: string;
  pattern_type: "EMAIL" | "DOMAIN";
}

/** The sender's address or its domain as a literal pattern; null when the message names no usable sender. */
export function senderPattern(address: string | null | undefined, scope: SenderScope): SenderPattern | null {
  const email = address?.trim().toLowerCase();
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  return scope === "address" ? { pattern: email, pattern_type: "EMAIL" } : { pattern: email.slice(at + 1), pattern_type: "DOMAIN" };
}

/** Whether a literal entry covers this sender: the exact address, or the sender's domain. Regex entries are not evaluated. */
export function coversSender(
  entry: { pattern?: string | null; pattern_type?: string | null; is_regex?: boolean | null },
  address: string,
): boolean {
  if (entry.is_regex || !entry.pattern) return false;
  const email = address.trim().toLowerCase();
  const pattern = entry.pattern.trim().toLowerCase();
  if (entry.pattern_type === "EMAIL") return pattern === email;
  if (entry.pattern_type === "DOMAIN") {
    const domain = email.slice(email.lastIndexOf("@") + 1);
    return domain === pattern || domain.endsWith(`.${pattern}`);
  }
  return false;
}

/** How a literal entry covers this sender ("address" or "domain"), or null when it does not. */
export function senderMatch(
  entry: { pattern?: string | null; pattern_type?: string | null; is_regex?: boolean | null },
  address: string,
): "address" | "domain" | null {
  if (!coversSender(entry, address)) return null;
  return entry.pattern_type === "EMAIL" ? "address" : "domain";
}

/** The most domains looked up for one sender: each costs a read of each list. */
export const MAX_DOMAIN_LOOKUPS = 4;

/**
 * The exact patterns an entry covering this sender can have: the address, its domain, and the
 * domain's parents of two labels or more. No public-suffix list is needed: `co.uk` is asked for
 * like any parent, and matches only an entry someone made for it. A domain deeper than
 * MAX_DOMAIN_LOOKUPS keeps itself and its shortest parents (where blocks are usually made).
 */
export function senderLookups(address: string): { pattern: string; match: "address" | "domain" }[] {
  const email = address.trim().toLowerCase();
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return [];
  const labels = email.slice(at + 1).split(".");
  const all: string[] = [];
  for (let i = 0; i + 2 <= labels.length; i++) all.push(labels.slice(i).join("."));
  const domains = all.length > MAX_DOMAIN_LOOKUPS ? [all[0]!, ...all.slice(1 - MAX_DOMAIN_LOOKUPS)] : all;
  return [{ pattern: email, match: "address" }, ...domains.map((pattern) => ({ pattern, match: "domain" as const }))];
}
