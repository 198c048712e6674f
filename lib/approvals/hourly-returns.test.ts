import type Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useOwnRedis } from "@/lib/testing/own-redis";
import { hourlyAllowance, takeAllReturns, takeReturns } from "./hourly-returns";

// The hourly allowance of the release policy, on both backends: taken with the limiter's atomic
// consume, so requests made at the same moment (on one instance or several) cannot all pass.
process.env.RETURNS_PER_USER_HOUR = "5";
const redis = useOwnRedis();
const state = globalThis as unknown as { __triageRedis?: Redis | null; __triageLimiters?: Map<string, unknown> };

let person = 0;
const someone = () => `person-${process.pid}-${++person}@tests.test`;

describe.each(["memory", "redis"] as const)("on %s", (backend) => {
  beforeAll(async () => {
    state.__triageRedis = backend === "redis" ? await redis.connection() : null;
    state.__triageLimiters = new Map();
  });
  afterAll(() => {
    state.__triageRedis = undefined;
    state.__triageLimiters = new Map();
  });

  it("gives the first ones of a request and keeps the rest back; a refused share costs nothing", async () => {
    const who = someone();
    expect(await takeReturns(who, 3)).toBe(3);
    expect(await takeReturns(who, 4)).toBe(2);
    expect(await hourlyAllowance(who)).toEqual({ perHour: 5, remaining: 0 });
    expect(await takeReturns(who, 1)).toBe(0);
    expect(await hourlyAllowance(who)).toEqual({ perHour: 5, remaining: 0 });
    // Per person, case-blind.
    expect(await takeReturns(someone().toUpperCase(), 5)).toBe(5);
  });

  it("takes a whole bulk job or none of it", async () => {
    const who = someone();
    expect(await takeAllReturns(who, 6)).toBe(false);
    expect(await hourlyAllowance(who)).toEqual({ perHour: 5, remaining: 5 });
    expect(await takeAllReturns(who, 5)).toBe(true);
  });

  it("holds when 40 requests arrive at once: 5 messages in all", async () => {
    const who = someone();
    const taken = await Promise.all(Array.from({ length: 40 }, () => takeReturns(who, 1)));
    expect(taken.reduce((a, b) => a + b, 0)).toBe(5);
  });
});
