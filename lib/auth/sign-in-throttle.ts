import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

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
  // rate-limiter-flexible's memory store drops expired keys itself (unref'd timers); its Redis
  // store has the same interface, for when the console runs on more than one instance.
  private readonly failures: RateLimiterMemory;
  private readonly lockouts: RateLimiterMemory;

  constructor(
    name: string,
    private readonly policy: BackoffPolicy,
  ) {
    this.failures = new RateLimiterMemory({ keyPrefix: `${name}-failures`, points: Number.MAX_SAFE_INTEGER, duration: policy.windowSeconds });
    this.lockouts = new RateLimiterMemory({ keyPrefix: `${name}-lockouts`, points: 1, duration: 1 });
  }

  /** Seconds until this key may try again; 0 when it may now. */
  async waitSeconds(key: string): Promise<number> {
    const lockout = await this.lockouts.get(key);
    if (!lockout || lockout.consumedPoints <= 1 || lockout.msBeforeNext <= 0) return 0;
    return Math.max(1, Math.ceil(lockout.msBeforeNext / 1000));
  }

  async fail(key: string): Promise<void> {
    const { consumedPoints: failures } = await this.failures.penalty(key, 1);
    if (failures < this.policy.free) return;
    const delay = Math.min(this.policy.maxDelaySeconds, this.policy.baseDelaySeconds * 2 ** (failures - this.policy.free));
    await this.lockouts.block(key, delay);
  }

  async forget(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.lockouts.delete(key)]);
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
  private readonly accounts = new FailureBackoff("account", ACCOUNT_POLICY);
  private readonly addresses = new FailureBackoff("address", ADDRESS_POLICY);

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
