import type Redis from "ioredis";
import { describe, expect, it, vi } from "vitest";
import { SignInThrottle } from "@/lib/auth/sign-in-throttle";
import { AppError } from "@/lib/errors";
import { useOwnRedis } from "@/lib/testing/own-redis";
import { newLimiter, spend, spendAnyway, type LimiterSpec } from "./rate-state";

// The same limiter behaviour on both backends. On Redis, two connections stand for two console
// instances: what one spends, the other sees. The Redis server is this file's own, since one
// test stops and restarts it.
const redis = useOwnRedis();

let run = 0;
const unique = (name: string): LimiterSpec["name"] => `${name}-${process.pid}-${++run}`;

/** Two "instances" of a limiter: separate in memory (by design), shared on Redis. */
async function pair(backend: "memory" | "redis", spec: LimiterSpec) {
  if (backend === "memory") {
    const one = newLimiter(spec, null);
    return [one, one] as const;
  }
  return [newLimiter(spec, await redis.connection()), newLimiter(spec, await redis.connection())] as const;
}

describe.each(["memory", "redis"] as const)("budgets on %s", (backend) => {
  it("spends up to the budget, across instances, then says when to retry", async () => {
    const [a, b] = await pair(backend, { name: unique("account"), points: 3, durationSeconds: 300 });
    expect(await spend(a, "acct")).toEqual({ ok: true });
    expect(await spend(b, "acct")).toEqual({ ok: true });
    expect(await spend(a, "acct")).toEqual({ ok: true });
    const refused = await spend(b, "acct");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(200);
    expect(await spend(b, "other-acct")).toEqual({ ok: true });
  });

  it("counts a change made anyway against later reads", async () => {
    const [a, b] = await pair(backend, { name: unique("account"), points: 2, durationSeconds: 60 });
    await spendAnyway(a, "acct");
    await spendAnyway(b, "acct");
    expect((await spend(a, "acct")).ok).toBe(false);
  });

  it("shares the sign-in lockout between instances", async () => {
    const prefix = unique("signin");
    const throttleOn = (redis: Redis | null) => new SignInThrottle((spec) => newLimiter({ ...spec, name: `${prefix}-${spec.name}` }, redis));
    let throttles: [SignInThrottle, SignInThrottle];
    if (backend === "memory") {
      const one = throttleOn(null);
      throttles = [one, one];
    } else {
      throttles = [throttleOn(await redis.connection()), throttleOn(await redis.connection())];
    }
    const attempt = { account: "ana@x.test", known: true, address: null };
    const fail = async (throttle: SignInThrottle) => {
      const admitted = await throttle.admit(attempt);
      expect(admitted.ok).toBe(true);
      if (admitted.ok) await admitted.failed();
    };
    for (let i = 0; i < 5; i++) await fail(throttles[i % 2]!);
    // The fifth failure (made through A) shuts the account out on B too.
    expect(await throttles[1].admit(attempt)).toEqual({ ok: false, retryAfterSeconds: 5 });
  });
});

describe("Redis unreachable", () => {
  it("refuses with 503 rate state unavailable, then recovers by itself", async () => {
    const connection = await redis.connection();
    const budget = newLimiter({ name: unique("outage"), points: 100, durationSeconds: 60 }, connection);
    const throttle = new SignInThrottle((spec) => newLimiter({ ...spec, name: unique(spec.name) }, connection));
    expect(await spend(budget, "acct")).toEqual({ ok: true });

    await redis.server().pause();
    await vi.waitFor(() => expect(connection.status).not.toBe("ready"), { timeout: 5000 });
    const refused = await spend(budget, "acct").catch((err: unknown) => err);
    expect(AppError.is(refused) && refused).toMatchObject({ status: 503, code: "rate_state_unavailable", message: /Rate state unavailable/ });
    await expect(throttle.admit({ account: "ana@x.test", known: true, address: null })).rejects.toMatchObject({ status: 503 });

    await redis.server().restart();
    await vi.waitFor(async () => expect(await spend(budget, "acct")).toEqual({ ok: true }), { timeout: 10_000, interval: 200 });
  }, 30_000);
});
