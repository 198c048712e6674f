import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const SECRET = "fake-nextauth-secret-for-tests-0000000000";
const salt = randomBytes(16);
const HASH = `scrypt$${salt.toString("base64")}$${scryptSync("pw", salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64")}`;
/** A complete production configuration, for rows that change one thing. */
const CONFIGURED = {
  CLOUDFLARE_API_TOKEN: "fake-token-for-tests",
  CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
  NEXTAUTH_SECRET: SECRET,
  CONSOLE_LOCAL_USERS: `a@x.test:admin:${HASH}`,
};

describe("parseEnv", () => {
  it("runs demo mode on the simulator only when asked, with demo accounts, its own database and a random secret", () => {
    const env = parseEnv({ TRIAGE_DEMO: "1" });
    expect(env.upstream.mode).toBe("simulator");
    expect(env.auth).toMatchObject({ demo: true });
    expect(env.auth.localUsers.map((u) => u.role)).toEqual(["viewer", "analyst", "admin"]);
    expect(env.database).toEqual({ engine: "sqlite", path: "./data/demo.db" });
    expect(env.redisUrl).toBeUndefined();
    expect(env.auth.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(env.auth.secret).not.toContain("demo");
  });

  it("uses Cloudflare when configured, and the production database", () => {
    const env = parseEnv({ ...CONFIGURED, CLOUDFLARE_BASE_URL: "http://127.0.0.1:8787/client/v4" });
    expect(env.upstream).toMatchObject({ mode: "cloudflare", accountId: ACCOUNT, baseURL: "http://127.0.0.1:8787/client/v4" });
    expect(env.auth.demo).toBe(false);
    expect(env.auth.secret).toBe(SECRET);
    expect(env.database).toEqual({ engine: "sqlite", path: "./data/triage.db" });
    expect(env.trustedProxyHops).toBe(0);
    expect(env.limits).toMatchObject({ userWritesPerMinute: 60, readCacheMaxBytes: 16 * 1024 * 1024 });
  });

  it("takes a postgres:// DATABASE_URL and a REDIS_URL, and refuses what is neither a path nor postgres", () => {
    const env = parseEnv({ ...CONFIGURED, DATABASE_URL: "postgres://triage:fake-password@db.internal:5432/triage", REDIS_URL: "redis://cache.internal:6379/0" });
    expect(env.database).toEqual({ engine: "postgres", url: "postgres://triage:fake-password@db.internal:5432/triage" });
    expect(env.redisUrl).toBe("redis://cache.internal:6379/0");
    expect(parseEnv({ ...CONFIGURED, DATABASE_URL: "file:./data/x.db" }).database).toEqual({ engine: "sqlite", path: "./data/x.db" });
    for (const bad of ["postgres:/db.internal/triage", "mysql://db.internal/triage", "https://db.internal"]) {
      expect(() => parseEnv({ ...CONFIGURED, DATABASE_URL: bad })).toThrow(/DATABASE_URL must be a file path .* or a postgres:\/\/ URL/);
    }
    expect(() => parseEnv({ ...CONFIGURED, REDIS_URL: "http://cache.internal" })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it("gives one user a quarter of the account's reads unless told otherwise", () => {
    expect(parseEnv(CONFIGURED).limits).toMatchObject({ upstreamReadsPer5Min: 1000, userReadSharePer5Min: 250 });
    expect(parseEnv({ ...CONFIGURED, UPSTREAM_READ_BUDGET: "200" }).limits.userReadSharePer5Min).toBe(50);
    expect(parseEnv({ ...CONFIGURED, USER_READ_SHARE: "100" }).limits.userReadSharePer5Min).toBe(100);
  });

  it("lets demo mode keep a SQLite file of its own (a test run's, an e2e stack's)", () => {
    expect(parseEnv({ TRIAGE_DEMO: "1", DATABASE_URL: "./data/e2e-demo.db" }).database).toEqual({ engine: "sqlite", path: "./data/e2e-demo.db" });
    expect(parseEnv({ TRIAGE_DEMO: "1", DATABASE_URL: ":memory:" }).database).toEqual({ engine: "sqlite", path: ":memory:" });
  });

  it("reads the new limits", () => {
    const env = parseEnv({ ...CONFIGURED, TRUSTED_PROXY_HOPS: "2", USER_WRITE_BUDGET: "10", READ_CACHE_MAX_BYTES: "1048576" });
    expect(env.trustedProxyHops).toBe(2);
    expect(env.limits).toMatchObject({ userWritesPerMinute: 10, readCacheMaxBytes: 1048576 });
  });

  it("tells emails from groups in the role lists", () => {
    const env = parseEnv({ ...CONFIGURED, CONSOLE_ADMINS: "Boss@x.test, group:SOC-Leads", CONSOLE_ANALYSTS: "" });
    expect(env.auth.admins).toEqual({ emails: ["boss@x.test"], groups: ["soc-leads"] });
    expect(env.auth.analysts).toEqual({ emails: [], groups: [] });
  });

  it.each([
    [{}, /CLOUDFLARE_API_TOKEN is missing.*TRIAGE_DEMO=1/],
    [{}, /NEXTAUTH_SECRET is missing/],
    [{}, /No way to sign in/],
    [{ TRIAGE_DEMO: "0" }, /CLOUDFLARE_API_TOKEN is missing/],
    [{ TRIAGE_DEMO: "yes" }, /TRIAGE_DEMO must be 1/],
    [{ CLOUDFLARE_API_TOKEN: "fake-token-for-tests" }, /CLOUDFLARE_ACCOUNT_ID is missing/],
    [{ CLOUDFLARE_ACCOUNT_ID: ACCOUNT }, /CLOUDFLARE_API_TOKEN is missing/],
    [{ ...CONFIGURED, CLOUDFLARE_ACCOUNT_ID: "nope" }, /CLOUDFLARE_ACCOUNT_ID must be/],
    [{ ...CONFIGURED, CLOUDFLARE_BASE_URL: "ftp://x" }, /CLOUDFLARE_BASE_URL/],
    [{ ...CONFIGURED, NEXTAUTH_SECRET: "" }, /NEXTAUTH_SECRET is missing/],
    [{ ...CONFIGURED, CONSOLE_LOCAL_USERS: "" }, /No way to sign in/],
    [{ ...CONFIGURED, OIDC_ISSUER: "http://127.0.0.1:9000" }, /OIDC_CLIENT_ID is missing/],
    [{ ...CONFIGURED, CONSOLE_LOCAL_USERS: `a@x.test:root:${HASH}` }, /CONSOLE_LOCAL_USERS: entry 1 \(a@x.test\) has an unknown role/],
    [{ ...CONFIGURED, CONSOLE_LOCAL_USERS: "a@x.test:admin:pw" }, /CONSOLE_LOCAL_USERS: .*plain-text passwords are refused/],
    [{ ...CONFIGURED, CONSOLE_LOCAL_USERS: "a@x.test:admin:scrypt$AAAA$=" }, /CONSOLE_LOCAL_USERS: .*scrypt salt is 3 bytes/],
    [{ ...CONFIGURED, CONSOLE_ADMINS: "soc-leads" }, /CONSOLE_ADMINS: "soc-leads" is neither an email nor group:NAME/],
    [{ ...CONFIGURED, TRUSTED_PROXY_HOPS: "-1" }, /TRUSTED_PROXY_HOPS must be a whole number/],
    [{ ...CONFIGURED, USER_WRITE_BUDGET: "0" }, /USER_WRITE_BUDGET must be at least 1/],
    [{ TRIAGE_DEMO: "1", CLOUDFLARE_API_TOKEN: "fake", CLOUDFLARE_ACCOUNT_ID: ACCOUNT }, /CLOUDFLARE_API_TOKEN is set, but TRIAGE_DEMO=1/],
    [{ TRIAGE_DEMO: "1", CONSOLE_LOCAL_USERS: `a@x.test:admin:${HASH}` }, /CONSOLE_LOCAL_USERS is set, but TRIAGE_DEMO=1/],
    [{ TRIAGE_DEMO: "1", DATABASE_URL: "file:./data/triage.db" }, /DATABASE_URL: demo mode never writes the production audit database/],
    [{ TRIAGE_DEMO: "1", DATABASE_URL: "./data/triage.db" }, /DATABASE_URL: demo mode never writes the production audit database/],
    [{ TRIAGE_DEMO: "1", DATABASE_URL: "postgres://triage:fake-password@db.internal:5432/triage" }, /DATABASE_URL: demo mode keeps its own SQLite file .* never uses a PostgreSQL database/],
    [{ TRIAGE_DEMO: "1", REDIS_URL: "redis://cache.internal:6379/0" }, /REDIS_URL is set, but TRIAGE_DEMO=1/],
    [{ ...CONFIGURED, UPSTREAM_READ_BUDGET: "100", USER_READ_SHARE: "101" }, /USER_READ_SHARE \(101\) is more than the account's UPSTREAM_READ_BUDGET \(100\)/],
  ])("names what is wrong: %j", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("never echoes the token in its message", () => {
    try {
      parseEnv({ CLOUDFLARE_API_TOKEN: "fake-secret-value-123" });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain("fake-secret-value-123");
    }
  });
});
