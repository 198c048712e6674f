import { describe, expect, it } from "vitest";
import { BucketMap, TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("spends up to capacity, then says when to retry, then refills", () => {
    let now = 0;
    const bucket = new TokenBucket(3, 0.5, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()].every((r) => r.ok)).toBe(true);
    expect(bucket.take()).toEqual({ ok: false, retryAfterSeconds: 2 });
    now += 2_000;
    expect(bucket.take()).toEqual({ ok: true });
    expect(bucket.take().ok).toBe(false);
    now += 60_000;
    expect(bucket.remaining()).toBe(3);
  });

  it("forced spending goes below zero and delays later takes", () => {
    const now = 0;
    const bucket = new TokenBucket(2, 1, () => now);
    bucket.force();
    bucket.force();
    bucket.force();
    expect(bucket.take()).toEqual({ ok: false, retryAfterSeconds: 2 });
  });

  it("keeps one bucket per key", () => {
    const map = new BucketMap(() => new TokenBucket(1, 1));
    expect(map.get("a").take().ok).toBe(true);
    expect(map.get("a").take().ok).toBe(false);
    expect(map.get("b").take().ok).toBe(true);
  });
});
