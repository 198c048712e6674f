import { describe, expect, it } from "vitest";
import { addressBlock, forwardedClientAddress } from "./client-address";

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

describe("addressBlock: what one client holds", () => {
  it.each([
    ["an IPv4 address", "203.0.113.7", "203.0.113.7"],
    ["an IPv6 address, by its /64", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["a compressed IPv6 address", "2001:DB8:0:2::1", "2001:db8:0:2::/64"],
    ["another address in the same /64", "2001:db8:0:2:ffff::9", "2001:db8:0:2::/64"],
    ["an IPv4-mapped address, as IPv4", "::ffff:198.51.100.9", "198.51.100.9"],
    ["the loopback", "::1", "0:0:0:0::/64"],
  ])("%s", (_name, address, block) => {
    expect(addressBlock(address)).toBe(block);
  });
});
