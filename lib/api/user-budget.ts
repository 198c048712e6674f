import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { BucketMap, TokenBucket } from "@/lib/token-bucket";

const globalForBudget = globalThis as unknown as { __triageUserBudget?: BucketMap };

function buckets(): BucketMap {
  globalForBudget.__triageUserBudget ??= new BucketMap(() => {
    const perMinute = getEnv().limits.userReadsPerMinute;
    return new TokenBucket(perMinute, perMinute / 60);
  });
  return globalForBudget.__triageUserBudget;
}

/** One person's reads are paced so that an export or a refresh loop leaves the account's budget to the team. */
export function spendUserRead(email: string): void {
  const spent = buckets().get(email).take();
  if (!spent.ok) {
    throw new AppError(
      "paced",
      `Slow down: you have made more requests than the console allows per minute. Retry in ${spent.retryAfterSeconds} s.`,
      { retryAfter: spent.retryAfterSeconds },
    );
  }
}
