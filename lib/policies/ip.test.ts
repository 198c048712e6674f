import { describe, expect, it } from "vitest";
import { checkIpPattern } from "./ip";

describe("checkIpPattern: only globally reachable addresses", () => {
  it.each([
    ["1.1.1.1"],
    ["203.0.113.7"],
    ["203.0.113.0/24"],
    ["198.51.100.0/24"],
    ["2606:4700:4700::1111"],
    ["2606:4700:4700::/48"],
    ["::ffff:1.1.1.1"],
    ["11.0.0.0/8"],
  ])("accepts %s", (pattern) => {
    expect(checkIpPattern(pattern)).toEqual({ ok: true });
  });

  it.each([
    ["10.0.0.7", /it is a private address/],
    ["172.31.255.255", /private/],
    ["192.168.0.0/16", /block includes a private/],
    ["127.0.0.1", /loopback/],
    ["169.254.169.254", /link-local/],
    ["0.0.0.0", /an unspecified address/],
    ["255.255.255.255", /broadcast/],
    ["8.0.0.0/6", /block includes a private/],
    ["0.0.0.0/0", /block includes/],
    ["::", /unspecified/],
    ["::1", /loopback/],
    ["fe80::1", /link-local/],
    ["fd00::1", /unique-local/],
    ["::/0", /block includes/],
    ["::ffff:10.0.0.1", /private \(IPv4-mapped\)/],
    ["::ffff:a00:1", /private \(IPv4-mapped\)/],
    ["::ffff:127.0.0.1", /loopback \(IPv4-mapped\)/],
    ["::ffff:0:0/96", /IPv4-mapped/],
    ["1.2.3.4/33", /prefix length/],
    ["1.2.3", /not an IPv4 or IPv6/],
    ["01.2.3.4", /not an IPv4 or IPv6/],
    ["1::2::3", /not an IPv4 or IPv6/],
    ["evil.example", /not an IPv4 or IPv6/],
  ])("refuses %s", (pattern, reason) => {
    const result = checkIpPattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
