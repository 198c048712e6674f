import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { limiter, rateStateUnavailable } from "@/lib/rate-state";

// How many messages each person has returned to mailboxes (released, moved to Inbox) in the last
// hour without a second admin. Kept where the budgets are (in process, or Redis for every
// instance), and taken with the limiter's own atomic consume, so parallel requests cannot all
// pass a check made before any of them counted.

const HOUR_SECONDS = 3600;

function perHour(): number {
  return getEnv().limits.returnsPerUserHour;
}

function budget(): RateLimiterAbstract | null {
  const points = perHour();
  return points > 0 ? limiter({ name: "returns-user", points, durationSeconds: HOUR_SECONDS }) : null;
}

const keyOf = (email: string) => email.toLowerCase();

export interface HourlyAllowance {
  perHour: number;
  /** Messages this person may still return this hour without a second admin. */
  remaining: number;
}

export async function hourlyAllowance(email: string): Promise<HourlyAllowance> {
  const b = budget();
  if (!b) return { perHour: 0, remaining: 0 };
  try {
    const res = await b.get(keyOf(email));
    return { perHour: perHour(), remaining: Math.max(0, perHour() - (res?.consumedPoints ?? 0)) };
  } catch (err) {
    throw rateStateUnavailable(err);
  }
}

/** Takes `n` from the person's hour, all or nothing. A refusal is undone, so it costs nothing. */
async function consume(b: RateLimiterAbstract, key: string, n: number): Promise<{ ok: true } | { ok: false; before: number }> {
  try {
    await b.consume(key, n);
    return { ok: true };
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw rateStateUnavailable(err);
    // rate-limiter-flexible counts a refused consume too: give it back.
    await b.reward(key, n).catch(() => {});
    return { ok: false, before: err.consumedPoints - n };
  }
}

/** Takes up to `wanted` messages from the person's hour; says how many it took (the first ones go now). */
export async function takeReturns(email: string, wanted: number): Promise<number> {
  const b = budget();
  if (!b || wanted <= 0) return 0;
  const key = keyOf(email);
  const first = await consume(b, key, wanted);
  if (first.ok) return wanted;
  const left = Math.min(wanted, perHour() - first.before);
  if (left <= 0) return 0;
  // Someone else's request may take the rest meanwhile: then this one takes nothing.
  return (await consume(b, key, left)).ok ? left : 0;
}

/** Takes all `n` messages from the person's hour, or none (a bulk job runs whole or waits whole). */
export async function takeAllReturns(email: string, n: number): Promise<boolean> {
  const b = budget();
  if (!b) return false;
  if (n <= 0) return true;
  return (await consume(b, keyOf(email), n)).ok;
}
