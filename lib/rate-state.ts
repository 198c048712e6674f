import "server-only";
import { createHash } from "node:crypto";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Where the console keeps counts that must hold across requests: budgets (account, per user) and
// sign-in failures. In process memory by default; in Redis when REDIS_URL is set, so every
// instance behind a load balancer spends from the same budget. Both backends are
// rate-limiter-flexible limiters with the same interface.
//
// When Redis cannot be reached, a limiter refuses (503 "rate state unavailable") rather than
// counting in memory: per-instance counts would let N instances together exceed Cloudflare's
// budget. ioredis reconnects by itself, so the console recovers without a restart.

const globalForRate = globalThis as unknown as {
  __triageRedis?: Redis | null;
  __triageLimiters?: Map<string, RateLimiterAbstract>;
};

/** The shared Redis connection (REDIS_URL), or null when the console keeps its state in process. */
export function getRedis(): Redis | null {
  if (globalForRate.__triageRedis === undefined) {
    const url = getEnv().redisUrl;
    globalForRate.__triageRedis = url ? connectRedis(url) : null;
  }
  return globalForRate.__triageRedis;
}

let lastRedisError = 0;

export function connectRedis(url: string): Redis {
  const redis = new Redis(url, {
    // Fail a command at once while disconnected instead of queueing it behind a dead link: a
    // request then gets its 503 now, not after a timeout.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    // Keep trying for ever, at most every 2 s: recovery needs no restart.
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  redis.on("error", (err: Error) => {
    // One line per 10 s while Redis is down, not one per retry.
    if (Date.now() - lastRedisError < 10_000) return;
    lastRedisError = Date.now();
    console.error(`[triage] Redis (REDIS_URL) unreachable: ${err.message}; refusing upstream reads until it is back`);
  });
  return redis;
}

/**
 * A short, fixed-length stand-in for a key's variable part (a search's JSON, say): Redis keys
 * stay small and hold no search text.
 */
export function redisKeyDigest(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 32);
}

export function rateStateUnavailable(cause?: unknown): AppError {
  return new AppError(
    "rate_state_unavailable",
    "Rate state unavailable: the console cannot reach the store that holds the shared Cloudflare budget, so it is not sending requests upstream. Retry shortly.",
    { retryAfter: 2, cause },
  );
}

export interface LimiterSpec {
  /** Unique per purpose: `reads-account`, `reads-user`, … */
  name: string;
  points: number;
  durationSeconds: number;
}

/** A new limiter on Redis, or in memory when `redis` is null. */
export function newLimiter({ name, points, durationSeconds }: LimiterSpec, redis: Redis | null): RateLimiterAbstract {
  const options = { keyPrefix: `triage:${name}`, points, duration: durationSeconds };
  return redis ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true }) : new RateLimiterMemory(options);
}

/** The limiter for `spec` on the configured backend; one per name and size per process. */
export function limiter(spec: LimiterSpec): RateLimiterAbstract {
  globalForRate.__triageLimiters ??= new Map();
  const key = `${spec.name}:${spec.points}:${spec.durationSeconds}`;
  let made = globalForRate.__triageLimiters.get(key);
  if (!made) {
    made = newLimiter(spec, getRedis());
    globalForRate.__triageLimiters.set(key, made);
  }
  return made;
}

export type Spend = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Spends one point of `key`'s budget. A refusal says when to retry; an unreachable store throws
 * the 503 (rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, with an
 * Error when the store failed).
 */
export async function spend(budget: RateLimiterAbstract, key: string): Promise<Spend> {
  try {
    await budget.consume(key, 1);
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
    throw rateStateUnavailable(err);
  }
}

/** Counts a call that was made anyway (a change must not be refused for budget): it delays later reads. */
export async function spendAnyway(budget: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await budget.penalty(key, 1);
  } catch (err) {
    console.error(`[triage] could not count a change against the budget: ${(err as Error).message}`);
  }
}

/** Readiness: Redis answers (true when none is configured). */
export async function rateStateReady(): Promise<boolean> {
  const redis = getRedis();
  if (!redis) return true;
  try {
    return redis.status === "ready" && (await redis.ping()) === "PONG";
  } catch {
    return false;
  }
}
