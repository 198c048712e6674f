import "server-only";
import { getPageUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { BucketMap, TokenBucket } from "@/lib/token-bucket";

type Kind = "read" | "write";

const globalForBudget = globalThis as unknown as { __triageUserBudgets?: Record<Kind, BucketMap> };

function buckets(kind: Kind): BucketMap {
  globalForBudget.__triageUserBudgets ??= {
    read: new BucketMap(() => {
      const perMinute = getEnv().limits.userReadsPerMinute;
      return new TokenBucket(perMinute, perMinute / 60);
    }),
    write: new BucketMap(() => {
      const perMinute = getEnv().limits.userWritesPerMinute;
      return new TokenBucket(perMinute, perMinute / 60);
    }),
  };
  return globalForBudget.__triageUserBudgets[kind];
}

const WHAT: Record<Kind, string> = { read: "requests", write: "changes" };

function spend(kind: Kind, email: string): void {
  const spent = buckets(kind).get(email).take();
  if (!spent.ok) {
    throw new AppError(
      "paced",
      `Slow down: you have made more ${WHAT[kind]} than the console allows per minute. Retry in ${spent.retryAfterSeconds} s.`,
      { retryAfter: spent.retryAfterSeconds },
    );
  }
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * One person's requests are paced so that an export, a refresh loop or a script leaves the
 * account's Cloudflare budget to the team: reads (GET and HEAD alike) and changes each have a
 * per-minute budget. OPTIONS never reaches a handler that calls upstream.
 */
export function spendUserRequest(email: string, method: string): void {
  if (READ_METHODS.has(method)) spend("read", email);
  else if (method !== "OPTIONS") spend("write", email);
}

/**
 * For server components that read from Cloudflare while rendering: the same per-user read
 * budget as the API. Throws (401 or 429 as an AppError) before anything goes upstream.
 */
export async function spendPageRead(): Promise<void> {
  const user = await getPageUser();
  if (!user) throw new AppError("unauthorized", "Sign in to use the console.");
  spend("read", user.email);
}
