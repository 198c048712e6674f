import "server-only";
import { findLocalUser, type LocalUser } from "./local-users";
import type { Role } from "./roles";
import { getSignInThrottle, type SignInThrottle } from "./sign-in-throttle";

export interface LocalSignInAttempt {
  email: string;
  password: string;
  /** The client address from trusted proxy hops, or null. */
  address: string | null;
}

/** What happened, in a shape the audit can record as it is (`reason` is the audit's failure reason). */
export type LocalSignInResult =
  | { ok: true; user: { email: string; role: Role } }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number }
  | { ok: false; reason: "bad-credentials" };

/**
 * A local-account sign-in: refused without hashing while the account or the address is shut out,
 * otherwise checked (at the same cost for unknown emails) and counted.
 */
export async function signInLocally(
  users: readonly LocalUser[],
  attempt: LocalSignInAttempt,
  throttle: SignInThrottle = getSignInThrottle(),
): Promise<LocalSignInResult> {
  const key = { account: attempt.email, address: attempt.address };
  const verdict = await throttle.check(key);
  if (!verdict.ok) return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  const user = await findLocalUser(users, attempt.email, attempt.password);
  if (!user) {
    await throttle.recordFailure(key);
    return { ok: false, reason: "bad-credentials" };
  }
  await throttle.recordSuccess(key);
  return { ok: true, user };
}
