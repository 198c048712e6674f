import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { limiter, rateStateUnavailable } from "@/lib/rate-state";

// Reads that reach Cloudflare are paid for twice over: from the account's budget
// (UPSTREAM_READ_BUDGET per 5 minutes, what Cloudflare allows the whole team) and from the share
// of it one person may use (USER_READ_SHARE, a quarter by default), so one person's loop of
// counts or exports leaves the rest to the team. A request that will make several reads (a count
// paging the search, an evidence pack) takes them all before it starts, and is refused with 429
// and a wait if they are not there; what it did not use (answers that came from the cache) is
// given back when it ends. Both budgets are on Redis with REDIS_URL, so every instance spends
// from the same ones.

const WINDOW_SECONDS = 5 * 60;

/** The account's read budget, shared by everyone (and by every instance on Redis). */
export function accountReadBudget(): RateLimiterAbstract {
  return limiter({ name: "reads-account", points: getEnv().limits.upstreamReadsPer5Min, durationSeconds: WINDOW_SECONDS });
}

function userReadShare(): RateLimiterAbstract {
  return limiter({ name: "reads-user-share", points: getEnv().limits.userReadSharePer5Min, durationSeconds: WINDOW_SECONDS });
}

/** Who the reads being made are for, and how many of them they already paid for. */
interface Payer {
  email: string;
  prepaid: number;
}

const payers = new AsyncLocalStorage<Payer>();

/** Runs `fn` with the upstream reads it makes charged to `email`'s share (the API wrapper does this for every request). */
export function readsPaidBy<T>(email: string, fn: () => Promise<T>): Promise<T> {
  return payers.run({ email, prepaid: 0 }, fn);
}

/**
 * Takes `reads` from the current user's share and the account's budget before `fn` starts, and
 * gives back what `fn` did not use. Throws the 429 (with its wait) before anything goes upstream
 * when either cannot cover them all.
 */
export async function withPrepaidReads<T>(accountId: string, reads: number, fn: () => Promise<T>): Promise<T> {
  const email = payers.getStore()?.email ?? null;
  await take(accountId, email, reads);
  const payer: Payer = { email: email ?? "", prepaid: reads };
  try {
    return await payers.run(payer, fn);
  } finally {
    if (payer.prepaid > 0) await giveBack(accountId, email, payer.prepaid);
  }
}

/** One read is about to go upstream (lib/cloudflare's read-through): from what was prepaid, or paid now. */
export async function spendUpstreamRead(accountId: string): Promise<void> {
  const payer = payers.getStore();
  if (payer && payer.prepaid > 0) {
    payer.prepaid -= 1;
    return;
  }
  await take(accountId, payer?.email || null, 1);
}

/**
 * Server components read after their own check (no API wrapper around them): `reads` are taken
 * from the signed-in user's share up front; the reads themselves then spend the account's.
 */
export async function takeUserReads(email: string, reads: number): Promise<void> {
  await takeFromShare(email, reads);
}

async function take(accountId: string, email: string | null, reads: number): Promise<void> {
  if (email) await takeFromShare(email, reads);
  const refused = await consume(accountReadBudget(), accountId, reads);
  if (refused) {
    if (email) await stored(userReadShare().reward(email, reads));
    throw new AppError("paced", `The console is pacing its requests to Cloudflare for this account. Retry in ${refused} s.`, {
      retryAfter: refused,
    });
  }
}

async function takeFromShare(email: string, reads: number): Promise<void> {
  const refused = await consume(userReadShare(), email, reads);
  if (refused) {
    const share = getEnv().limits.userReadSharePer5Min;
    throw new AppError(
      "paced",
      `Slow down: this needs ${reads === 1 ? "a read" : `${reads} reads`} from Cloudflare and you have used your share of the account's reads (${share} per 5 minutes). Retry in ${refused} s.`,
      { retryAfter: refused },
    );
  }
}

async function giveBack(accountId: string, email: string | null, reads: number): Promise<void> {
  await Promise.all([accountReadBudget().reward(accountId, reads), email ? userReadShare().reward(email, reads) : undefined]).catch(
    (err: Error) => console.error(`[triage] could not give back unused reads to the budget: ${err.message}`),
  );
}

/**
 * Takes `points`; on refusal gives them back (rate-limiter-flexible counts a refused consume too,
 * and a refused request must not eat the budget it was refused for) and returns the wait in seconds.
 */
async function consume(budget: RateLimiterAbstract, key: string, points: number): Promise<number | null> {
  try {
    await budget.consume(key, points);
    return null;
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw rateStateUnavailable(err);
    await stored(budget.reward(key, points));
    return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
  }
}

async function stored<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (err) {
    throw rateStateUnavailable(err);
  }
}
