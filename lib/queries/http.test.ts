import { describe, expect, it } from "vitest";
import { ApiError, pendingRateLimit, readRetryDelay, shouldRetryRead } from "./http";

const rateLimited = (retryAfter?: number) => new ApiError(429, "rate_limited", "slow down", undefined, retryAfter);

describe("the read retry policy", () => {
  it("waits out a 429 as Retry-After says, up to three times", () => {
    expect(shouldRetryRead(0, rateLimited(2))).toBe(true);
    expect(shouldRetryRead(2, rateLimited(2))).toBe(true);
    expect(shouldRetryRead(3, rateLimited(2))).toBe(false);
    expect(readRetryDelay(0, rateLimited(7))).toBe(7000);
  });

  it("shows a very long rate limit instead of waiting silently", () => {
    expect(shouldRetryRead(0, rateLimited(600))).toBe(false);
  });

  it("shows other 4xx at once and tries a 5xx once more", () => {
    expect(shouldRetryRead(0, new ApiError(404, "not_found", "gone"))).toBe(false);
    expect(shouldRetryRead(0, new ApiError(502, "upstream_error", "x"))).toBe(true);
    expect(shouldRetryRead(1, new ApiError(502, "upstream_error", "x"))).toBe(false);
  });

  it("reports a rate limit being waited out, and nothing otherwise", () => {
    expect(pendingRateLimit({ failureReason: rateLimited(3), fetchStatus: "fetching", failureCount: 1 })).toEqual({
      retryAfterSeconds: 3,
      attempt: 1,
      of: 3,
      byConsole: false,
    });
    const paced = new ApiError(429, "paced", "pacing", undefined, 2);
    expect(pendingRateLimit({ failureReason: paced, fetchStatus: "fetching", failureCount: 1 })?.byConsole).toBe(true);
    expect(pendingRateLimit({ failureReason: rateLimited(3), fetchStatus: "idle", failureCount: 3 })).toBeNull();
    expect(pendingRateLimit({ failureReason: null, fetchStatus: "fetching", failureCount: 0 })).toBeNull();
  });
});
