// Client-safe. Cloudflare accepts only globally reachable addresses in IP patterns: private
// (and IPv6 unique-local), loopback, link-local, unspecified and broadcast addresses are refused,
// and so are their IPv4-mapped IPv6 forms (::ffff:10.0.0.1). A CIDR block is refused when any
// address in it is. The form says so before anything is sent.
//
// The published description allows IPv4 only; the SDK 7.3 (newer) documents IPv6 patterns under
// the same rule. The console follows the SDK and accepts global IPv6 too (README, "description and SDK").

interface Range {
  start: bigint;
  end: bigint;
  kind: string;
}

const V4_REFUSED: [string, number, string][] = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["255.255.255.255", 32, "broadcast"],
];
const V6_REFUSED: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fe80::", 10, "link-local"],
  ["fc00::", 7, "unique-local"],
];
const MAPPED_PREFIX = 0xffffn << 32n;

function parseV4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
}

function parseV6(text: string): bigint | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.split("::").length > 2) return null;
  let groups = text;
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (v4) {
    const n = parseV4(v4[1]!);
    if (n === null) return null;
    groups = `${groups.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = groups.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 1) return null;
  const all = tail === undefined ? left : [...left, ...Array<string>(missing).fill("0"), ...right];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function rangesOf(table: [string, number, string][], bits: number, parse: (t: string) => bigint | null, offset = 0n, prefixOffset = 0): Range[] {
  return table.map(([net, prefix, kind]) => {
    const host = BigInt(bits - prefix - prefixOffset);
    const start = offset | parse(net)!;
    return { start, end: start + (1n << host) - 1n, kind };
  });
}

const V4_RANGES = rangesOf(V4_REFUSED, 32, parseV4);
const V6_RANGES = [
  ...rangesOf(V6_REFUSED, 128, parseV6),
  ...rangesOf(V4_REFUSED, 32, parseV4, MAPPED_PREFIX).map((r) => ({ ...r, kind: `${r.kind} (IPv4-mapped)` })),
];

export type IpPatternCheck = { ok: true } | { ok: false; reason: string };

/** Whether `pattern` is an IP address or CIDR block Cloudflare accepts, and why not when it is not. */
export function checkIpPattern(pattern: string): IpPatternCheck {
  const [address = "", prefixText, ...rest] = pattern.trim().split("/");
  const v4 = parseV4(address);
  const value = v4 ?? parseV6(address);
  if (value === null || rest.length > 0) return { ok: false, reason: "not an IPv4 or IPv6 address or CIDR block" };
  const bits = v4 !== null ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return { ok: false, reason: `the prefix length must be 0–${bits}` };
  const host = BigInt(bits - prefix);
  const first = (value >> host) << host;
  const last = first + (1n << host) - 1n;
  const hit = (v4 !== null ? V4_RANGES : V6_RANGES).find((r) => r.start <= last && first <= r.end);
  if (hit) {
    const article = /^[aeiou]/.test(hit.kind) ? "an" : "a";
    return { ok: false, reason: `${prefix === bits ? "it is" : "the block includes"} ${article} ${hit.kind} address; only globally reachable addresses can be used` };
  }
  return { ok: true };
}
