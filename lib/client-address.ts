import { isIP, isIPv6 } from "node:net";

/**
 * The client's address as the trusted proxies in front of the console saw it. Each proxy appends
 * the address it received the request from to X-Forwarded-For, so with N trusted proxies the N-th
 * entry from the right is the last one a proxy we trust wrote; everything left of it is whatever
 * the client claimed. With no trusted proxy there is nothing to believe: a client can send any
 * X-Forwarded-For, and Next.js only fills one in when none was sent.
 */
export function forwardedClientAddress(forwardedFor: string | null | undefined, trustedHops: number): string | null {
  if (trustedHops < 1 || !forwardedFor) return null;
  const chain = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // A shorter chain than the proxies configured means the request did not come through them all.
  if (chain.length < trustedHops) return null;
  const address = chain[chain.length - trustedHops]!;
  return isIP(address) ? address : null;
}

/**
 * What one client holds, for counting what it does (sign-in limits, failed sign-in rows): an IPv4
 * address itself, an IPv6 address's /64 (the block one subscriber is given, or each of its 2^64
 * addresses would be counted afresh), an IPv4-mapped address as the IPv4 address.
 */
export function addressBlock(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = "", tail] = address.toLowerCase().split("::");
  const groupsOf = (part: string) => part.split(":").filter(Boolean).flatMap((g) => (g.includes(".") ? ipv4Groups(g) : [g]));
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right].map((g) => parseInt(g, 16));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** `a.b.c.d` as the two 16-bit hex groups it fills in an IPv6 address. */
function ipv4Groups(dotted: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split(".").map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
