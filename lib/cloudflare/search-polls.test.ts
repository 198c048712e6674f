import { describe, expect, it } from "vitest";
import { useOwnRedis } from "@/lib/testing/own-redis";
import { MemoryPendingSearches, RedisPendingSearches, checkedPollTarget, pollTargetFrom } from "./search-polls";

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

describe("where to poll a running search, kept for the next poll", () => {
  const target = { path: "/accounts/acct1/email-security/investigate/search/123", query: { page: "1" } };
  const { connection } = useOwnRedis();

  it("in memory: remembered per account and search, and forgotten when deleted", async () => {
    const pending = new MemoryPendingSearches();
    await pending.set("acct1", "list:a", target);
    expect(await pending.get("acct1", "list:a", BASE)).toEqual(target);
    expect(await pending.get("acct2", "list:a", BASE)).toBeUndefined();
    await pending.delete("acct1", "list:a");
    expect(await pending.get("acct1", "list:a", BASE)).toBeUndefined();
  });

  it("on Redis: told to instance A, known to instance B, under a digest, for ten minutes", async () => {
    const [a, b] = [new RedisPendingSearches(await connection()), new RedisPendingSearches(await connection())];
    await a.set("acct1", 'list:{"sender":"ceo@victim.test"}', target);
    expect(await b.get("acct1", 'list:{"sender":"ceo@victim.test"}', BASE)).toEqual(target);
    const probe = await connection();
    const keys = await probe.keys("triage:polls:{acct1}:*");
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain("victim");
    expect(await probe.pttl(keys[0]!)).toBeGreaterThan(9 * 60_000);
    await b.delete("acct1", 'list:{"sender":"ceo@victim.test"}');
    expect(await a.get("acct1", 'list:{"sender":"ceo@victim.test"}', BASE)).toBeUndefined();
  });

  it("on Redis: never follows a target that is not this account's Email Security path, whoever wrote it", async () => {
    const pending = new RedisPendingSearches(await connection());
    await pending.set("acct1", "list:b", { path: "/accounts/acct2/email-security/investigate/search/9", query: {} });
    expect(await pending.get("acct1", "list:b", BASE)).toBeUndefined();
    await pending.set("acct1", "list:c", target);
    expect(await pending.get("acct1", "list:c", BASE)).toEqual(target);
  });

  it.each([
    ["dot segments climbing out of the account", "/accounts/acct1/email-security/../../../user/tokens"],
    ["encoded dot segments", "/accounts/acct1/email-security/%2e%2e/%2e%2e/%2e%2e/user/tokens"],
    ["another account after the prefix", "/accounts/acct1/email-security/../../acct2/email-security/investigate"],
    ["a backslash", "/accounts/acct1/email-security/..\\..\\user"],
  ])("on Redis: a stored target with %s is checked like a fresh Location, refused and dropped", async (_name, path) => {
    const probe = await connection();
    const pending = new RedisPendingSearches(probe);
    // Written straight into Redis, as anyone who can reach it could.
    await pending.set("acct1", "list:d", { path, query: {} });
    const kept = (await probe.keys("triage:polls:{acct1}:*")).length;
    expect(await pending.get("acct1", "list:d", BASE)).toBeUndefined();
    expect(await probe.keys("triage:polls:{acct1}:*")).toHaveLength(kept - 1);
    expect(checkedPollTarget({ path, query: {} }, BASE, "acct1")).toBeUndefined();
  });
});
