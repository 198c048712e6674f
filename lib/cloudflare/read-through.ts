import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type Redis from "ioredis";
import { getRedis, rateStateUnavailable, spendAnyway } from "@/lib/rate-state";
import { accountReadBudget, spendUpstreamRead } from "@/lib/read-budget";
import { SharedReadCache } from "./shared-read-cache";

interface CacheEntry {
  value: unknown;
  expiresAt: number;
  bytes: number;
}

/**
 * Reads go through here: identical concurrent reads share one upstream request, a very recent
 * answer may be served again, and every request that does go upstream spends the account's
 * budget and the share of it of the user it is for (lib/read-budget.ts): only the caller whose
 * read goes upstream pays, not those served from the cache or joining a read in flight. Any change to mail (see `afterWrite`) forgets what was cached, so a refresh after a
 * move shows the move.
 *
 * One instance (no REDIS_URL): the cache is in process, bounded by the size of what it holds
 * (READ_CACHE_MAX_BYTES, oldest dropped first), and drops expired answers on a timer of its own,
 * so memory follows the traffic down again.
 *
 * Several instances (REDIS_URL): the budget, the cache and the coalescing are Redis's
 * (SharedReadCache), so an answer one instance fetched serves the others, and identical reads
 * arriving at different instances make one upstream call. Identical reads within one instance
 * still join in process first. A change raises the account's generation in Redis, which makes
 * every cached answer stale everywhere at once, and is broadcast so each instance also stops
 * sharing reads it has in flight. With READ_CACHE_MS=0 nothing is kept, in Redis or in process,
 * and only reads within one instance are coalesced.
 */
export class ReadThrough {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly cache = new Map<string, CacheEntry>();
  private bytes = 0;
  private generation = 0;
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private subscribed = false;
  private readonly shared: SharedReadCache | null;

  constructor(private readonly redis: Redis | null) {
    this.shared = redis ? new SharedReadCache(redis) : null;
  }

  async read<T>(accountId: string, key: string, load: () => Promise<T>, cacheable: (value: T) => boolean = () => true): Promise<T> {
    const fullKey = `${accountId}\u0000${key}`;
    const hit = this.cache.get(fullKey);
    if (hit && hit.expiresAt > Date.now()) return hit.value as T;
    const pending = this.inflight.get(fullKey);
    if (pending) return pending as Promise<T>;

    this.listenForChanges();
    const generation = this.generation;
    // Screenshots and raw messages are never kept, so other instances would wait for nothing.
    const shared = getEnv().limits.readCacheMs > 0 && cacheable !== neverCached ? this.shared : null;
    // Registered before the first await, so identical reads arriving meanwhile join this one
    // (and its one spend of the budget) instead of each asking.
    const promise = (
      shared
        ? this.readShared(shared, accountId, key, load, cacheable)
        : this.loadWithBudget(accountId, load).then((value) => {
            if (generation === this.generation && cacheable(value)) this.remember(fullKey, value);
            return value;
          })
    ).finally(() => {
      if (this.inflight.get(fullKey) === promise) this.inflight.delete(fullKey);
    });
    this.inflight.set(fullKey, promise);
    return promise;
  }

  private async loadWithBudget<T>(accountId: string, load: () => Promise<T>): Promise<T> {
    await spendUpstreamRead(accountId);
    return load();
  }

  /** A read through Redis: a cached answer, or the answer another instance is loading, or our own call. */
  private async readShared<T>(shared: SharedReadCache, accountId: string, key: string, load: () => Promise<T>, cacheable: (value: T) => boolean): Promise<T> {
    const { readCacheMs, readCacheMaxBytes, readTimeoutMs } = getEnv().limits;
    // Long enough for the SDK's call and its one retry; a crashed loader's mark expires by then.
    const loadingMs = 2 * readTimeoutMs + 1000;
    let token: string | null;
    let generation: string;
    try {
      const found = await shared.lookup(accountId, key);
      if ("value" in found) return found.value as T;
      generation = found.generation;
      token = await shared.claim(accountId, generation, key, loadingMs);
      if (!token) {
        const waited = await shared.waitFor(accountId, generation, key, Date.now() + loadingMs);
        if (waited !== undefined) return waited as T;
      }
    } catch (err) {
      throw AppError.is(err) ? err : rateStateUnavailable(err);
    }
    try {
      const value = await this.loadWithBudget(accountId, load);
      if (cacheable(value)) {
        await shared.store(accountId, generation, key, value, { ttlMs: readCacheMs, maxBytes: readCacheMaxBytes / 4 }).catch((err: Error) => {
          console.error(`[triage] could not share a read through Redis: ${err.message}`);
        });
      }
      return value;
    } finally {
      if (token) void shared.release(accountId, generation, key, token).catch(() => {});
    }
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
    const redis = this.redis;
    await Promise.all([
      spendAnyway(accountReadBudget(), accountId),
      this.shared?.advance(accountId).catch((err: Error) => {
        console.error(`[triage] could not mark cached reads stale in Redis (they expire within READ_CACHE_MS): ${err.message}`);
      }),
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
    const redis = this.redis;
    if (!redis || this.subscribed) return;
    this.subscribed = true;
    const subscriber = redis.duplicate({ enableOfflineQueue: true });
    subscriber.on("error", () => {}); // reported by the main connection; this one reconnects and resubscribes itself
    subscriber.on("message", () => this.forgetAll());
    subscriber.subscribe(CHANGES_CHANNEL).catch(() => {});
  }
}

/** For reads that must never be kept (they are still coalesced within an instance while in flight). */
export const neverCached = (): boolean => false;

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
  globalForReads.__triageReads ??= new ReadThrough(getRedis());
  return globalForReads.__triageReads;
}
