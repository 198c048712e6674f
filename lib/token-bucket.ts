/**
 * A token bucket: `capacity` tokens, refilled continuously at `refillPerSecond`. `take` either
 * spends one token or says how many seconds until one is there.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  private refill() {
    const at = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((at - this.updatedAt) / 1000) * this.refillPerSecond);
    this.updatedAt = at;
  }

  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.refillPerSecond)) };
  }

  /** Spends a token even when none is left (down to -capacity): for calls that must not be refused. */
  force(): void {
    this.refill();
    this.tokens = Math.max(-this.capacity, this.tokens - 1);
  }

  remaining(): number {
    this.refill();
    return Math.floor(this.tokens);
  }
}

/** One bucket per key, made on first use. Old keys are dropped when the map grows large. */
export class BucketMap {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly make: () => TokenBucket,
    private readonly maxKeys = 10_000,
  ) {}

  get(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = this.make();
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
