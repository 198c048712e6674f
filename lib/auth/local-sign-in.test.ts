import { randomBytes, scryptSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseLocalUsers } from "./local-users";
import { signInLocally } from "./local-sign-in";
import { verifyPassword } from "./password-hashes";
import { SignInThrottle } from "./sign-in-throttle";
import { newLimiter } from "@/lib/rate-state";

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
      expect(await attempt(`user${i}@x.test`, "guess")).toEqual({ ok: false, reason: "bad-credentials" });
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
      expect(result).toEqual({ ok: false, reason: "bad-credentials" });
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
    for (let i = 0; i < 4; i++) expect(await attempt("ana@x.test", "wrong", null)).toEqual({ ok: false, reason: "bad-credentials" });
  });
});
