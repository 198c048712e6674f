/*
 * Addresses in a narrow column. The signal is the domain (whose mail is this?), the noise is the
 * local part, so a long address is cut in its local part ("winn…@lucky-lottery.info", by CSS on
 * the `local` piece) and never in the domain; the registrable domain ("lucky-lottery.info" in
 * "mail.lucky-lottery.info") is what the eye should land on, so it is returned apart to be emphasised.
 */

/**
 * Second-level labels under which registrations happen one level down ("example.co.uk"). Not the
 * whole Public Suffix List: enough to emphasise the right part of the domains mail comes from; a
 * miss only emphasises one label too few.
 */
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil", "nic", "ltd", "plc", "sch"]);

/** "mail.example.co.uk" → "example.co.uk"; a bare label or an IP literal stays as it is. */
export function registrableDomain(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.$/, "").split(".");
  if (labels.length <= 2 || /^\[?[\d.:]+\]?$/.test(domain)) return labels.join(".");
  const [sld = "", tld = ""] = labels.slice(-2);
  const take = tld.length === 2 && SECOND_LEVEL.has(sld) ? 3 : 2;
  return labels.slice(-take).join(".");
}

export interface AddressParts {
  /** The local part, the piece that may be cut. */
  local: string;
  /** Subdomains before the registrable domain, with their trailing dot ("mail."), or "". */
  subdomain: string;
  registrable: string;
}

/** Splits an address for display; null when it has no domain to keep. */
export function addressParts(address: string): AddressParts | null {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return null;
  const domain = address.slice(at + 1);
  const registrable = registrableDomain(domain);
  const keep = domain.length - registrable.length;
  // Keep the domain as written (case included); only the split point comes from the lowercased form.
  return { local: address.slice(0, at), subdomain: domain.slice(0, keep), registrable: domain.slice(keep) };
}

/**
 * The recipient domain most of a page's messages went to: the company's own, in practice, which
 * then need not be repeated in every row. Null when no domain holds a majority of the addresses
 * (then every address is shown whole).
 */
export function commonRecipientDomain(recipientLists: readonly (readonly string[])[]): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const list of recipientLists) {
    for (const address of list) {
      const at = address.lastIndexOf("@");
      if (at < 0) continue;
      const domain = address.slice(at + 1).toLowerCase();
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
      total++;
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [domain, count] of counts) {
    if (count > bestCount) [best, bestCount] = [domain, count];
  }
  return best && bestCount * 2 > total ? best : null;
}

/** What a recipient cell shows: the local part alone when the address is in the page's own domain. */
export function recipientLabel(address: string, ownDomain: string | null): string {
  if (!ownDomain) return address;
  const at = address.lastIndexOf("@");
  return at > 0 && address.slice(at + 1).toLowerCase() === ownDomain ? address.slice(0, at) : address;
}
