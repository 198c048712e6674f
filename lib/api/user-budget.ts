import "server-only";
import { getPageUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { limiter, spend as spendFrom } from "@/lib/rate-state";
import { takeUserReads } from "@/lib/read-budget";

type Kind = "read" | "write";

/** Per user and minute; in Redis when REDIS_URL is set, so a user's budget is the same on every instance. */
function budget(kind: Kind) {
  const { userReadsPerMinute, userWritesPerMinute } = getEnv().limits;
  return limiter({ name: `${kind}s-user`, points: kind === "read" ? userReadsPerMinute : userWritesPerMinute, durationSeconds: 60 });
}

const WHAT: Record<Kind, string> = { read: "requests", write: "changes" };

async function spend(kind: Kind, email: string): Promise<void> {
  const spent = await spendFrom(budget(kind), email);
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
export async function spendUserRequest(email: string, method: string): Promise<void> {
  if (READ_METHODS.has(method)) await spend("read", email);
  else if (method !== "OPTIONS") await spend("write", email);
}

/**
 * For server components that read from Cloudflare while rendering: the same per-user request
 * budget as the API, and `reads` upstream reads from the user's share. Throws (401 or 429 as an
 * AppError) before anything goes upstream.
 */
export async function spendPageRead(reads = 1): Promise<void> {
  const user = await getPageUser();
  if (!user) throw new AppError("unauthorized", "Sign in to use the console.");
  await spend("read", user.email);
  await takeUserReads(user.email, reads);
}
