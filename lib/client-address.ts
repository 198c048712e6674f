import { isIP } from "node:net";

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
