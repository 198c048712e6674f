// The simulator's own reading of Cloudflare's rule for IP patterns: "the API accepts only globally
// reachable IP addresses and rejects private, loopback, link-local, and unspecified addresses"
// (description), "private or unique-local, loopback, link-local, unspecified, and IPv4 broadcast
// addresses, including their IPv4-mapped IPv6 equivalents" (SDK 7.3, which also allows IPv6).
// Written apart from the console's check (lib/policies/ip.ts) on purpose: node's BlockList decides
// here, so the two cannot share a mistake.
import { BlockList, isIP } from "node:net";

const refused = new BlockList();
const IPV4_REFUSED: [string, number, string][] = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["255.255.255.255", 32, "broadcast"],
];
const IPV6_REFUSED: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["fe80::", 10, "link-local"],
  ["fc00::", 7, "unique-local"],
];
// The IPv4-mapped forms (::ffff:10.0.0.1) listed as IPv6 subnets, so a mapped CIDR block is caught too.
const MAPPED_REFUSED: [string, number, string][] = IPV4_REFUSED.map(([net, prefix, kind]) => [`::ffff:${net}`, 96 + prefix, `${kind} (IPv4-mapped)`]);
for (const [net, prefix] of IPV4_REFUSED) refused.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [...IPV6_REFUSED, ...MAPPED_REFUSED]) refused.addSubnet(net, prefix, "ipv6");

function kindOf(address: string, family: "ipv4" | "ipv6"): string | null {
  if (!refused.check(address, family)) return null;
  const table = family === "ipv4" ? IPV4_REFUSED : [...IPV6_REFUSED, ...MAPPED_REFUSED];
  const probe = new BlockList();
  for (const [net, prefix, kind] of table) {
    probe.addSubnet(net, prefix, family);
    if (probe.check(address, family)) return kind;
  }
  return "not globally reachable";
}

/** Expands an address to a fixed-width bigint, for the ends of a block. */
function toBigInt(address: string, family: "ipv4" | "ipv6"): bigint {
  if (family === "ipv4") return address.split(".").reduce((n, part) => (n << 8n) + BigInt(Number(part)), 0n);
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = toBigInt(v4[1]!, "ipv4");
    text = text.slice(0, -v4[1]!.length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g || "0", 16)), 0n);
}

function fromBigInt(n: bigint, family: "ipv4" | "ipv6"): string {
  if (family === "ipv4") return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((n >> s) & 0xffffn).toString(16));
  return groups.join(":");
}

/**
 * Why Cloudflare would refuse this IP pattern, or null when it is a usable one: a plain address
 * or CIDR block, IPv4 or IPv6, no part of which is private, loopback, link-local, unspecified or
 * broadcast (IPv4-mapped forms included).
 */
export function ipPatternProblem(pattern: string): string | null {
  const [address = "", prefixText, ...extra] = pattern.split("/");
  const version = isIP(address);
  if (version === 0 || extra.length > 0) return "must be an IPv4 or IPv6 address or CIDR block";
  const family = version === 4 ? "ipv4" : "ipv6";
  const bits = version === 4 ? 32 : 128;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return `has an invalid prefix length (0–${bits})`;
    prefix = Number(prefixText);
  }
  // A block is refused when any address in it is: check both ends, and every refused range's start inside it.
  const hostBits = BigInt(bits - prefix);
  const first = (toBigInt(address, family) >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  for (const end of [first, last]) {
    const kind = kindOf(fromBigInt(end, family), family);
    if (kind) return `is ${kind}: only globally reachable addresses can be used`;
  }
  const ranges = family === "ipv4" ? IPV4_REFUSED : [...IPV6_REFUSED, ...MAPPED_REFUSED];
  for (const [net, , kind] of ranges) {
    const start = toBigInt(net, family);
    if (start >= first && start <= last) return `includes ${kind} addresses: only globally reachable addresses can be used`;
  }
  return null;
}
