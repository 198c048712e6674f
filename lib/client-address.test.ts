import { describe, expect, it } from "vitest";
import { forwardedClientAddress } from "./client-address";

describe("client address from trusted proxy hops", () => {
  it.each([
    ["no trusted proxy ignores whatever the client claims", "6.6.6.6", 0, null],
    ["no trusted proxy, even a plausible chain", "6.6.6.6, 203.0.113.7", 0, null],
    ["one proxy: the address it saw (the rightmost)", "6.6.6.6, 203.0.113.7", 1, "203.0.113.7"],
    ["two proxies: second from the right", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"],
    ["IPv6", "2001:db8::1", 1, "2001:db8::1"],
    ["a chain shorter than the proxies configured", "203.0.113.7", 2, null],
    ["an entry that is not an address", "6.6.6.6, evil<script>", 1, null],
    ["no header", null, 1, null],
  ])("%s", (_, header, hops, expected) => {
    expect(forwardedClientAddress(header, hops)).toBe(expected);
  });
});
