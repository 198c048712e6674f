import { describe, expect, it } from "vitest";
import { pollTargetFrom } from "./search-polls";

const BASE = "https://api.cloudflare.com/client/v4";
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const SEARCH = `/accounts/${ACCOUNT}/email-security/investigate`;

describe("pollTargetFrom: where a 202 may send the console", () => {
  it.each([
    ["an absolute URL on the same origin", `${BASE}${SEARCH}?poll=abc%2F%2B%3D`, { path: SEARCH, query: { poll: "abc/+=" } }],
    ["an absolute path", `/client/v4${SEARCH}/searches/s1`, { path: `${SEARCH}/searches/s1`, query: {} }],
    ["a path relative to the base URL", `accounts/${ACCOUNT}/email-security/investigate?cursor=x`, { path: SEARCH, query: { cursor: "x" } }],
  ])("follows %s", (_name, location, expected) => {
    expect(pollTargetFrom(location, BASE, ACCOUNT)).toEqual(expected);
  });

  it.each([
    ["another origin", `https://evil.example${SEARCH}`, /another site/],
    ["another scheme", `http://api.cloudflare.com/client/v4${SEARCH}`, /another site/],
    ["another port", `https://api.cloudflare.com:8443/client/v4${SEARCH}`, /another site/],
    ["a protocol-relative URL", `//evil.example/client/v4${SEARCH}`, /another site/],
    ["another API base path", `https://api.cloudflare.com/client/v5${SEARCH}`, /outside/],
    ["another account", `${BASE}/accounts/ffffffffffffffffffffffffffffffff/email-security/investigate`, /outside/],
    ["another product", `${BASE}/accounts/${ACCOUNT}/dns_records`, /outside/],
    ["dot segments climbing out", `${BASE}${SEARCH}/../../../../user/tokens`, /outside/],
    ["encoded dot segments", `${BASE}${SEARCH}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/user`, /outside/],
    ["a javascript: URL", "javascript:alert(1)", /another site/],
    ["a repeated query key", `${BASE}${SEARCH}?a=1&a=2`, /repeats/],
  ])("refuses %s", (_name, location, message) => {
    expect(() => pollTargetFrom(location, BASE, ACCOUNT)).toThrow(message);
  });
});
