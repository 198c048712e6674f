import "server-only";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { limiter, rateStateUnavailable, type LimiterSpec } from "@/lib/rate-state";

/**
 * Failed sign-ins are counted per key over a window; from the `free`-th failure on, each failure
 * shuts the key out for a delay that doubles (base, 2·base, 4·base, …, at most `maxDelaySeconds`).
 * A success does not reset an address: one working account must not buy unlimited guesses at others.
 */
interface BackoffPolicy {
  free: number;
  windowSeconds: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

/** One person mistyping gets a few tries; the 8th failure in an hour waits 40 s, then 80 s, … up to 15 min. */
export const ACCOUNT_POLICY: BackoffPolicy = { free: 5, windowSeconds: 60 * 60, baseDelaySeconds: 5, maxDelaySeconds: 15 * 60 };
/** 20 failures (any accounts) from one address, then a minute, two, four, … up to an hour. */
export const ADDRESS_POLICY: BackoffPolicy = { free: 20, windowSeconds: 60 * 60, baseDelaySeconds: 60, maxDelaySeconds: 60 * 60 };

class FailureBackoff {
  // rate-limiter-flexible limiters: in memory (expired keys dropped by unref'd timers) or, with
  // REDIS_URL, in Redis so a guesser cannot spread attempts over instances. An unreachable Redis
  // refuses the attempt (503) rather than forgetting the count.
  private readonly failures: RateLimiterAbstract;
  private readonly lockouts: RateLimiterAbstract;

  constructor(
    name: string,
    private readonly policy: BackoffPolicy,
    make: (spec: LimiterSpec) => RateLimiterAbstract,
  ) {
    this.failures = make({ name: `signin-${name}-failures`, points: Number.MAX_SAFE_INTEGER, durationSeconds: policy.windowSeconds });
    this.lockouts = make({ name: `signin-${name}-lockouts`, points: 1, durationSeconds: 1 });
  }

  /** Seconds until this key may try again; 0 when it may now. */
  async waitSeconds(key: string): Promise<number> {
    const lockout = await stored(this.lockouts.get(key));
    if (!lockout || lockout.consumedPoints <= 1 || lockout.msBeforeNext <= 0) return 0;
    return Math.max(1, Math.ceil(lockout.msBeforeNext / 1000));
  }

  async fail(key: string): Promise<void> {
    const { consumedPoints: failures } = await stored(this.failures.penalty(key, 1));
    if (failures < this.policy.free) return;
    const delay = Math.min(this.policy.maxDelaySeconds, this.policy.baseDelaySeconds * 2 ** (failures - this.policy.free));
    await stored(this.lockouts.block(key, delay));
  }

  async forget(key: string): Promise<void> {
    await stored(Promise.all([this.failures.delete(key), this.lockouts.delete(key)]));
  }
}

/** A store failure (Redis down) is the console's 503, not an unexplained error. */
async function stored<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (err) {
    throw rateStateUnavailable(err);
  }
}

export interface Attempt {
  /** The email as typed (known or not: unknown accounts are throttled alike, or the limit would reveal them). */
  account: string;
  /** The client address from trusted proxy hops; null when none is trusted (then only the account limit applies). */
  address: string | null;
}

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export class SignInThrottle {
  private readonly accounts: FailureBackoff;
  private readonly addresses: FailureBackoff;

  /** `make` picks the backend (the configured one by default; tests pass their own). */
  constructor(make: (spec: LimiterSpec) => RateLimiterAbstract = limiter) {
    this.accounts = new FailureBackoff("account", ACCOUNT_POLICY, make);
    this.addresses = new FailureBackoff("address", ADDRESS_POLICY, make);
  }

  /** Asked before any hashing, so a refused attempt costs the server nothing. */
  async check({ account, address }: Attempt): Promise<ThrottleVerdict> {
    const waits = await Promise.all([
      this.accounts.waitSeconds(accountKey(account)),
      address ? this.addresses.waitSeconds(address) : 0,
    ]);
    const wait = Math.max(...waits);
    return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
  }

  async recordFailure({ account, address }: Attempt): Promise<void> {
    await Promise.all([this.accounts.fail(accountKey(account)), address ? this.addresses.fail(address) : undefined]);
  }

  async recordSuccess({ account }: Attempt): Promise<void> {
    await this.accounts.forget(accountKey(account));
  }
}

function accountKey(account: string): string {
  return account.trim().toLowerCase().slice(0, 320);
}

const globalForThrottle = globalThis as unknown as { __triageSignInThrottle?: SignInThrottle };

export function getSignInThrottle(): SignInThrottle {
  globalForThrottle.__triageSignInThrottle ??= new SignInThrottle();
  return globalForThrottle.__triageSignInThrottle;
}
