/**
 * Defanging: indicators (URLs, domains, IPs) are shown in a form no mail client, chat tool or
 * browser turns back into a live link when an analyst pastes them into a ticket. The original is
 * kept alongside and copied only on request.
 */

export type IndicatorKind = "url" | "domain" | "ip" | "email" | "text";

const SCHEMES: Record<string, string> = { http: "hxxp", https: "hxxps", ftp: "fxp", ftps: "fxps" };

function bracketDots(text: string): string {
  // Already-defanged input stays as it is rather than becoming "[[.]]".
  return text.replace(/\[\.\]/g, "\u0000").replace(/\./g, "[.]").replace(/\u0000/g, "[.]");
}

export function defangDomain(domain: string): string {
  return bracketDots(domain);
}

export function defangIp(ip: string): string {
  return ip.includes(":") && !/^\d+\.\d+\.\d+\.\d+(:\d+)?$/.test(ip) ? ip.replace(/:/g, "[:]") : bracketDots(ip);
}

/** `https://a.b/c.html?x=1.2` → `hxxps://a[.]b/c.html?x=1.2`: the scheme and the host are what make a link live. */
export function defangUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):(\/\/)?([^/?#]*)(.*)$/is.exec(url.trim());
  if (!match) return bracketDots(url);
  const [, rawScheme = "", slashes = "", authority = "", rest = ""] = match;
  const scheme = rawScheme.toLowerCase();
  const safeScheme = SCHEMES[scheme] ?? `${rawScheme}[:]`;
  const separator = SCHEMES[scheme] ? `:${slashes}` : slashes;
  // Credentials in the authority ("user@host") are kept but cannot form a mailto.
  const host = authority.replace(/@/g, "[@]");
  return `${safeScheme}${separator}${bracketDots(host)}${rest}`;
}

/** The address's domain is defanged; the local part stays readable for searching. */
export function defangEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 0) return bracketDots(address);
  return `${address.slice(0, at)}[@]${bracketDots(address.slice(at + 1))}`;
}

export function defang(value: string, kind: IndicatorKind): string {
  switch (kind) {
    case "url":
      return defangUrl(value);
    case "domain":
      return defangDomain(value);
    case "ip":
      return defangIp(value);
    case "email":
      return defangEmail(value);
    default:
      return value;
  }
}
