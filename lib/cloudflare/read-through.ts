import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { BucketMap, TokenBucket } from "@/lib/token-bucket";

const MAX_ENTRIES = 500;

/**
 * Reads go through here: identical concurrent reads share one upstream request, a very recent
 * answer may be served again, and every request that does go upstream spends the account's
 * budget. Any change to mail (see `afterWrite`) forgets what was cached, so a refresh after a
 * move shows the move.
 */
class ReadThrough {
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly cache = new Map<string, { value: unknown; expiresAt: number }>();
  private generation = 0;
  private readonly budgets = new BucketMap(() => {
    const perFive = getEnv().limits.upstreamReadsPer5Min;
    return new TokenBucket(perFive, perFive / 300);
  });

  async read<T>(accountId: string, key: string, load: () => Promise<T>, cacheable: (value: T) => boolean = () => true): Promise<T> {
    const fullKey = `${accountId}\u0000${key}`;
    const hit = this.cache.get(fullKey);
    if (hit && hit.expiresAt > Date.now()) return hit.value as T;
    const pending = this.inflight.get(fullKey);
    if (pending) return pending as Promise<T>;

    const spent = this.budgets.get(accountId).take();
    if (!spent.ok) {
      throw new AppError(
        "paced",
        `The console is pacing its requests to Cloudflare for this account. Retry in ${spent.retryAfterSeconds} s.`,
        { retryAfter: spent.retryAfterSeconds },
      );
    }
    const generation = this.generation;
    const ttl = getEnv().limits.readCacheMs;
    const promise = load()
      .then((value) => {
        if (ttl > 0 && generation === this.generation && cacheable(value)) {
          if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
          this.cache.set(fullKey, { value, expiresAt: Date.now() + ttl });
        }
        return value;
      })
      .finally(() => {
        if (this.inflight.get(fullKey) === promise) this.inflight.delete(fullKey);
      });
    this.inflight.set(fullKey, promise);
    return promise;
  }

  /** A change went (or may have gone) upstream: it spends budget and makes every cached read stale. */
  afterWrite(accountId: string): void {
    this.budgets.get(accountId).force();
    this.generation += 1;
    this.cache.clear();
    this.inflight.clear();
  }
}

const globalForReads = globalThis as unknown as { __triageReads?: ReadThrough };

export function getReadThrough(): ReadThrough {
  globalForReads.__triageReads ??= new ReadThrough();
  return globalForReads.__triageReads;
}
