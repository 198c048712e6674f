import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRedis, limiter, spend, spendAnyway } from "@/lib/rate-state";

interface CacheEntry {
  value: unknown;
  expiresAt: number;
  bytes: number;
}

/**
 * Reads go through here: identical concurrent reads share one upstream request, a very recent
 * answer may be served again, and every request that does go upstream spends the account's
 * budget. Any change to mail (see `afterWrite`) forgets what was cached, so a refresh after a
 * move shows the move.
 *
 * The cache is bounded by the size of what it holds (READ_CACHE_MAX_BYTES, oldest dropped first)
 * and drops expired answers on a timer of its own, so memory follows the traffic down again.
 *
 * With several instances (REDIS_URL) the budget is Redis's, shared; the cache and the coalescing
 * stay per instance on purpose. They only save upstream calls, and every call that does go up is
 * counted against the shared budget, so N instances can at worst each ask once per key per
 * READ_CACHE_MS but never exceed Cloudflare's limit. Keeping answers in Redis would cost a round
 * trip and a copy of every reply (up to MBs) on each read to save a few duplicate calls. What
 * does matter for correctness, that a change forgets cached reads everywhere, is broadcast:
 * `afterWrite` publishes on a Redis channel and every instance clears its cache.
 */
class ReadThrough {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly cache = new Map<string, CacheEntry>();
  private bytes = 0;
  private generation = 0;
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private subscribed = false;

  /** The account's read budget: UPSTREAM_READ_BUDGET per 5 minutes, shared by every instance on Redis. */
  private budget() {
    return limiter({ name: "reads-account", points: getEnv().limits.upstreamReadsPer5Min, durationSeconds: 300 });
  }

  async read<T>(accountId: string, key: string, load: () => Promise<T>, cacheable: (value: T) => boolean = () => true): Promise<T> {
    const fullKey = `${accountId}\u0000${key}`;
    const hit = this.cache.get(fullKey);
    if (hit && hit.expiresAt > Date.now()) return hit.value as T;
    const pending = this.inflight.get(fullKey);
    if (pending) return pending as Promise<T>;

    this.listenForChanges();
    const generation = this.generation;
    // Registered before the first await, so identical reads arriving meanwhile join this one
    // (and its one spend of the budget) instead of each asking.
    const promise = (async () => {
      const spent = await spend(this.budget(), accountId);
      if (!spent.ok) {
        throw new AppError(
          "paced",
          `The console is pacing its requests to Cloudflare for this account. Retry in ${spent.retryAfterSeconds} s.`,
          { retryAfter: spent.retryAfterSeconds },
        );
      }
      const value = await load();
      if (generation === this.generation && cacheable(value)) this.remember(fullKey, value);
      return value;
    })().finally(() => {
      if (this.inflight.get(fullKey) === promise) this.inflight.delete(fullKey);
    });
    this.inflight.set(fullKey, promise);
    return promise;
  }

  private remember(fullKey: string, value: unknown): void {
    const { readCacheMs, readCacheMaxBytes } = getEnv().limits;
    if (readCacheMs <= 0) return;
    const bytes = sizeOf(value);
    // One answer larger than a quarter of the cache would push out everything else for 2 s of reuse.
    if (bytes === undefined || bytes > readCacheMaxBytes / 4) return;
    this.forget(fullKey);
    while (this.bytes + bytes > readCacheMaxBytes && this.cache.size > 0) this.forget(this.cache.keys().next().value!);
    this.cache.set(fullKey, { value, expiresAt: Date.now() + readCacheMs, bytes });
    this.bytes += bytes;
    this.startSweeping(readCacheMs);
  }

  private forget(fullKey: string): void {
    const entry = this.cache.get(fullKey);
    if (!entry) return;
    this.cache.delete(fullKey);
    this.bytes -= entry.bytes;
  }

  /** Drops expired answers; stops itself when nothing is left, so an idle console holds nothing. */
  sweep(now = Date.now()): void {
    for (const [key, entry] of this.cache) if (entry.expiresAt <= now) this.forget(key);
    if (this.cache.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  private startSweeping(everyMs: number): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), Math.max(everyMs, 250));
    // A cache timer must never be what keeps the process alive.
    this.sweeper.unref?.();
  }

  /** What the cache holds now, for tests and diagnostics. */
  usage(): { entries: number; bytes: number } {
    return { entries: this.cache.size, bytes: this.bytes };
  }

  /** A change went (or may have gone) upstream: it spends budget and makes every cached read stale, on every instance. */
  async afterWrite(accountId: string): Promise<void> {
    this.forgetAll();
    const redis = getRedis();
    await Promise.all([
      spendAnyway(this.budget(), accountId),
      redis?.publish(CHANGES_CHANNEL, accountId).catch((err: Error) => {
        console.error(`[triage] could not tell other instances about a change: ${err.message}`);
      }),
    ]);
  }

  private forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
    this.bytes = 0;
    this.inflight.clear();
  }

  /** Other instances' changes make this instance's cached reads stale too. */
  private listenForChanges(): void {
    const redis = getRedis();
    if (!redis || this.subscribed) return;
    this.subscribed = true;
    const subscriber = redis.duplicate({ enableOfflineQueue: true });
    subscriber.on("error", () => {}); // reported by the main connection; this one reconnects and resubscribes itself
    subscriber.on("message", () => this.forgetAll());
    subscriber.subscribe(CHANGES_CHANNEL).catch(() => {});
  }
}

const CHANGES_CHANNEL = "triage:reads:changed";

/** The size of an answer as the JSON it came as (UTF-16 code units, close to bytes for this data); undefined if it has none. */
function sizeOf(value: unknown): number | undefined {
  try {
    return JSON.stringify(value)?.length;
  } catch {
    return undefined;
  }
}

const globalForReads = globalThis as unknown as { __triageReads?: ReadThrough };

export function getReadThrough(): ReadThrough {
  globalForReads.__triageReads ??= new ReadThrough();
  return globalForReads.__triageReads;
}
