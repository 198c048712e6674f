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
  | { ok: false; reason: "bad-credentials"; known: boolean };

/**
 * A local-account sign-in: counted against the account and the address first (atomically, so
 * parallel guesses cannot all pass), refused without hashing once they are spent, otherwise
 * checked (at the same cost for unknown emails). A success gives its count back.
 */
export async function signInLocally(
  users: readonly LocalUser[],
  attempt: LocalSignInAttempt,
  throttle: SignInThrottle = getSignInThrottle(),
): Promise<LocalSignInResult> {
  const known = users.some((u) => u.email === attempt.email.trim().toLowerCase());
  const admitted = await throttle.admit({ account: attempt.email, known, address: attempt.address });
  if (!admitted.ok) return { ok: false, reason: "throttled", retryAfterSeconds: admitted.retryAfterSeconds };
  const user = await findLocalUser(users, attempt.email, attempt.password);
  if (!user) {
    await admitted.failed();
    return { ok: false, reason: "bad-credentials", known };
  }
  await admitted.succeeded();
  return { ok: true, user };
}
