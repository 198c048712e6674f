import "server-only";
import { createHmac } from "node:crypto";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimiterRes } from "rate-limiter-flexible";
import { addressBlock } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { limiter, rateStateUnavailable, type LimiterSpec } from "@/lib/rate-state";

/**
 * Sign-in attempts are counted per key over a window, before the password is hashed: the first
 * `free` attempts pass; after that one attempt at a time may pass, and from the `free`-th failure
 * on each failure shuts the key out for a delay that doubles (base, 2·base, 4·base, …, at most
 * `maxDelaySeconds`).
 *
 * Both steps are the limiter's own atomic consume (in memory, or one Lua call in Redis), so
 * requests sent at the same moment cannot all pass a check made before any of them is counted:
 * of 200 parallel guesses at most `free + 1` are hashed, the rest are refused as throttled.
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

/**
 * How long a retry past the free attempts holds the key while its password is checked. Its
 * outcome replaces the hold at once (a failure's delay, or a success's reset); the hold only
 * matters if the process dies mid-check.
 */
const RETRY_HOLD_SECONDS = 60;

/**
 * Emails that name no account share this many keys (by a keyed digest), so typing a million new
 * emails makes at most this many keys per limiter instead of a million. Enough that two guesses
 * rarely share one: the limit still treats an unknown email like a known one.
 */
export const UNKNOWN_ACCOUNT_BUCKETS = 16_384;

/** What an attempt holds on one key until its outcome is known. */
type Ticket = "free" | "retry";

type Taken = { ok: true; ticket: Ticket } | { ok: false; retryAfterSeconds: number };

class AttemptCounter {
  // rate-limiter-flexible limiters: in memory (expired keys dropped by unref'd timers) or, with
  // REDIS_URL, in Redis so a guesser cannot spread attempts over instances. An unreachable Redis
  // refuses the attempt (503) rather than forgetting the count.
  private readonly attempts: RateLimiterAbstract;
  private readonly failures: RateLimiterAbstract;
  /** One point: the single retry allowed past the free attempts; blocked for the delay after a failure. */
  private readonly gate: RateLimiterAbstract;

  constructor(
    name: string,
    private readonly policy: BackoffPolicy,
    make: (spec: LimiterSpec) => RateLimiterAbstract,
  ) {
    this.attempts = make({ name: `signin-${name}-attempts`, points: policy.free, durationSeconds: policy.windowSeconds });
    this.failures = make({ name: `signin-${name}-failures`, points: Number.MAX_SAFE_INTEGER, durationSeconds: policy.windowSeconds });
    this.gate = make({ name: `signin-${name}-gate`, points: 1, durationSeconds: RETRY_HOLD_SECONDS });
  }

  /** Counts the attempt (atomically) and says whether it may be checked now. */
  async take(key: string): Promise<Taken> {
    // A shut-out key stays shut even when its window of free attempts has started again.
    const held = await stored(this.gate.get(key));
    if (held && held.consumedPoints > 1 && held.msBeforeNext > 0) return refusal(held);
    if ((await consumed(this.attempts, key)) === true) return { ok: true, ticket: "free" };
    const retry = await consumed(this.gate, key);
    return retry === true ? { ok: true, ticket: "retry" } : refusal(retry);
  }

  /** Gives back what `take` counted: the attempt was not made, or it succeeded and must not count as a guess. */
  async release(key: string, ticket: Ticket): Promise<void> {
    if (ticket === "free") await stored(this.attempts.reward(key, 1));
    else await stored(this.gate.delete(key));
  }

  async fail(key: string, ticket: Ticket): Promise<void> {
    const { consumedPoints: failures } = await stored(this.failures.penalty(key, 1));
    if (failures < this.policy.free) {
      // Not shut out (its failures have expired meanwhile): the retry's hold is not a delay.
      if (ticket === "retry") await stored(this.gate.delete(key));
      return;
    }
    const delay = Math.min(this.policy.maxDelaySeconds, this.policy.baseDelaySeconds * 2 ** (failures - this.policy.free));
    await stored(this.gate.block(key, delay));
  }

  async forget(key: string): Promise<void> {
    await stored(Promise.all([this.attempts.delete(key), this.failures.delete(key), this.gate.delete(key)]));
  }
}

function refusal(res: RateLimiterRes): Taken {
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
}

/** true when a point was taken; the limiter's answer when it was refused. */
async function consumed(budget: RateLimiterAbstract, key: string): Promise<true | RateLimiterRes> {
  try {
    await budget.consume(key, 1);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return err;
    throw rateStateUnavailable(err);
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
  /** Whether the email names an account; unknown ones share a bounded set of keys. */
  known: boolean;
  /** The client address from trusted proxy hops; null when none is trusted (then only the account limit applies). */
  address: string | null;
}

/** The attempt may go ahead; report its outcome with `succeeded` or `failed`. */
export interface AdmittedAttempt {
  ok: true;
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export type Admission = AdmittedAttempt | { ok: false; retryAfterSeconds: number };

export class SignInThrottle {
  private readonly accounts: AttemptCounter;
  private readonly addresses: AttemptCounter;

  /**
   * `make` picks the backend (the configured one by default; tests pass their own); `bucketSecret`
   * keys the digest that spreads unknown emails over their buckets, so no one can aim several
   * guesses at one bucket (the session secret by default).
   */
  constructor(
    make: (spec: LimiterSpec) => RateLimiterAbstract = limiter,
    private readonly bucketSecret: () => string = () => "",
  ) {
    this.accounts = new AttemptCounter("account", ACCOUNT_POLICY, make);
    this.addresses = new AttemptCounter("address", ADDRESS_POLICY, make);
  }

  /** The key an account's attempts are counted under: its own, or its bucket when it names no account. */
  accountKey({ account, known }: Pick<Attempt, "account" | "known">): string {
    const email = account.trim().toLowerCase().slice(0, 320);
    if (known) return email;
    const digest = createHmac("sha256", this.bucketSecret()).update(email).digest();
    return `unknown:${digest.readUInt32BE(0) % UNKNOWN_ACCOUNT_BUCKETS}`;
  }

  /**
   * Counts the attempt against the account and the address before anything is hashed. A refused
   * attempt costs the server no hash and is not a guess: it leaves the counts as they were.
   */
  async admit(attempt: Attempt): Promise<Admission> {
    const account = this.accountKey(attempt);
    // An IPv6 client is counted by its /64: each of its addresses is not a fresh allowance.
    const address = attempt.address ? addressBlock(attempt.address) : null;
    const onAccount = await this.accounts.take(account);
    if (!onAccount.ok) return onAccount;
    let onAddress: Taken | null = null;
    if (address) {
      try {
        onAddress = await this.addresses.take(address);
      } catch (err) {
        await this.accounts.release(account, onAccount.ticket).catch(() => {});
        throw err;
      }
      if (!onAddress.ok) {
        await this.accounts.release(account, onAccount.ticket);
        return onAddress;
      }
    }
    const addressTicket = onAddress?.ok ? onAddress.ticket : null;
    return {
      ok: true,
      // A success forgets the account's failures but not the address's: one working account must
      // not buy unlimited guesses at others. It gives back the address's count for this attempt,
      // which was not a guess.
      succeeded: async () => {
        await Promise.all([
          this.accounts.forget(account),
          address && addressTicket ? this.addresses.release(address, addressTicket) : undefined,
        ]);
      },
      failed: async () => {
        await Promise.all([
          this.accounts.fail(account, onAccount.ticket),
          address && addressTicket ? this.addresses.fail(address, addressTicket) : undefined,
        ]);
      },
    };
  }
}

const globalForThrottle = globalThis as unknown as { __triageSignInThrottle?: SignInThrottle };

export function getSignInThrottle(): SignInThrottle {
  globalForThrottle.__triageSignInThrottle ??= new SignInThrottle(limiter, () => getEnv().auth.secret);
  return globalForThrottle.__triageSignInThrottle;
}
