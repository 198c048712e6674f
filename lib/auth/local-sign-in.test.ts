import { randomBytes, scryptSync } from "node:crypto";
import type Redis from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseLocalUsers } from "./local-users";
import { signInLocally, type LocalSignInResult } from "./local-sign-in";
import { verifyPassword } from "./password-hashes";
import { SignInThrottle, UNKNOWN_ACCOUNT_BUCKETS } from "./sign-in-throttle";
import { connectRedis, newLimiter } from "@/lib/rate-state";
import { startRedis } from "@/lib/testing/backends";

// The real hash function, watched: a refused attempt must not reach it.
vi.mock("./password-hashes", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password-hashes")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const hashed = vi.mocked(verifyPassword);

function scryptEntry(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("base64")}$${scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64")}`;
}
const users = parseLocalUsers(`ana@x.test:analyst:${scryptEntry("right-pass")}`);

let throttle: SignInThrottle;
beforeEach(() => {
  // Fresh in-memory counts for each test.
  throttle = new SignInThrottle((spec) => newLimiter(spec, null));
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-01T09:00:00Z"));
  hashed.mockClear();
});
afterEach(() => vi.useRealTimers());

const attempt = (email: string, password: string, address: string | null = "203.0.113.7") =>
  signInLocally(users, { email, password, address }, throttle);

describe("sign-in throttling", () => {
  it("refuses the 21st wrong password in a minute from one address without hashing, even with the right password", async () => {
    for (let i = 0; i < 20; i++) {
      // A spray: one guess at each of twenty accounts, so no account limit is reached.
      expect(await attempt(`user${i}@x.test`, "guess")).toEqual({ ok: false, reason: "bad-credentials", known: false });
      vi.setSystemTime(Date.now() + 2_000);
    }
    expect(hashed).toHaveBeenCalledTimes(20);

    const refused = await attempt("ana@x.test", "right-pass");
    // The last failure was 2 s ago; the address waits a minute from then.
    expect(refused).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 58 });
    expect(hashed).toHaveBeenCalledTimes(20);

    // Another address is not held up by this one.
    expect(await attempt("ana@x.test", "right-pass", "198.51.100.9")).toMatchObject({ ok: true, user: { email: "ana@x.test" } });
  });

  it("shuts an account out for growing delays after five failures, from any address", async () => {
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const result = await attempt("ANA@x.test", "wrong", `192.0.2.${i}`);
      if (!result.ok && result.reason === "throttled") {
        waits.push(result.retryAfterSeconds);
        vi.setSystemTime(Date.now() + result.retryAfterSeconds * 1000);
        i--;
        continue;
      }
      expect(result).toEqual({ ok: false, reason: "bad-credentials", known: true });
    }
    // Failures 5, 6 and 7 each shut it out for twice as long as the one before.
    expect(waits).toEqual([5, 10, 20]);
    expect(hashed).toHaveBeenCalledTimes(8);
    const eighth = await attempt("ana@x.test", "right-pass", "192.0.2.99");
    expect(eighth).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 40 });
    expect(hashed).toHaveBeenCalledTimes(8);
  });

  it("throttles unknown emails exactly like known ones, so the limit reveals no accounts", async () => {
    for (let i = 0; i < 5; i++) await attempt("ghost@x.test", "wrong", null);
    expect(await attempt("ghost@x.test", "wrong", null)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 5 });
  });

  it("forgets an account's failures after it signs in", async () => {
    for (let i = 0; i < 4; i++) await attempt("ana@x.test", "wrong", null);
    expect(await attempt("ana@x.test", "right-pass", null)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(await attempt("ana@x.test", "wrong", null)).toEqual({ ok: false, reason: "bad-credentials", known: true });
  });
});

describe("unknown emails make a bounded number of limiter keys", () => {
  it("maps every unknown email to one of a fixed set of keys, and known ones to their own", () => {
    const keys = new Set<string>();
    for (let i = 0; i < 50_000; i++) keys.add(throttle.accountKey({ account: `nobody-${i}@x.test`, known: false }));
    expect(keys.size).toBeLessThanOrEqual(UNKNOWN_ACCOUNT_BUCKETS);
    for (const key of keys) expect(key).toMatch(/^unknown:\d+$/);
    expect(throttle.accountKey({ account: " Ana@X.test ", known: true })).toBe("ana@x.test");
    // Unknown emails are spread, not all piled on one key.
    expect(keys.size).toBeGreaterThan(UNKNOWN_ACCOUNT_BUCKETS / 2);
  });
});

describe("addresses are counted by what one client holds", () => {
  it("shuts out an IPv6 client that moves through its /64", async () => {
    for (let i = 0; i < 20; i++) await attempt(`spray${i}@x.test`, "guess", `2001:db8:0:7::${(i + 1).toString(16)}`);
    expect(await attempt("ana@x.test", "right-pass", "2001:db8:0:7::ffff")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt("ana@x.test", "right-pass", "2001:db8:0:8::1")).toMatchObject({ ok: true });
  });
});

// Guesses sent at the same moment: each is counted (the limiter's own consume) before it is
// hashed, so the check cannot be passed by all of them at once.
describe.each(["memory", "redis"] as const)("200 parallel wrong passwords on %s", (backend) => {
  let redis: Redis | null = null;
  let server: Awaited<ReturnType<typeof startRedis>> | undefined;
  beforeAll(async () => {
    if (backend !== "redis") return;
    server = await startRedis();
    redis = connectRedis(server.url);
    await vi.waitFor(() => expect(redis!.status).toBe("ready"), { timeout: 5000 });
  }, 30_000);
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  let run = 0;
  beforeEach(() => {
    const prefix = `parallel-${process.pid}-${Date.now()}-${++run}`;
    throttle = new SignInThrottle((spec) => newLimiter({ ...spec, name: `${prefix}-${spec.name}` }, redis));
    // A stand-in for the hash that still yields, as scrypt does, so the attempts truly overlap.
    hashed.mockImplementation(() => new Promise((resolve) => setTimeout(() => resolve(false), 5)));
  });
  afterEach(() => hashed.mockReset());

  const blast = async (email: string, address: (i: number) => string | null) => {
    const results: LocalSignInResult[] = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt(email, "guess", address(i))));
    return {
      hashed: hashed.mock.calls.length,
      refused: results.filter((r) => !r.ok && r.reason === "bad-credentials").length,
      throttled: results.filter((r) => !r.ok && r.reason === "throttled").length,
    };
  };

  it("hashes at most the five free attempts and one retry from one address; the rest are throttled", async () => {
    const outcome = await blast("ana@x.test", () => "203.0.113.7");
    expect(outcome.hashed).toBeLessThanOrEqual(6);
    expect(outcome.hashed).toBeGreaterThanOrEqual(5);
    expect(outcome).toEqual({ hashed: outcome.hashed, refused: outcome.hashed, throttled: 200 - outcome.hashed });
  });

  it("holds for one account however many addresses the guesses come from", async () => {
    const outcome = await blast("ana@x.test", (i) => `198.51.100.${i}`);
    expect(outcome.hashed).toBeLessThanOrEqual(6);
    expect(outcome.throttled).toBe(200 - outcome.hashed);
  });

  it("holds for an unknown email as for a known one", async () => {
    const outcome = await blast("ghost@x.test", () => null);
    expect(outcome.hashed).toBeLessThanOrEqual(6);
    expect(outcome.throttled).toBe(200 - outcome.hashed);
  });

  it("lets the account in with the right password once the blast's wait is over, and it then starts afresh", async () => {
    await blast("ana@x.test", () => "203.0.113.7");
    hashed.mockReset();
    const refused = await attempt("ana@x.test", "right-pass");
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect(hashed).not.toHaveBeenCalled();
  });
});
