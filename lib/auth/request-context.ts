import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { clientAddress } from "@/lib/api/access";

// next-auth's events and callbacks are not given the request, but the audit trail records where a
// sign-in came from. The auth route runs next-auth inside this context so they can ask, and so
// what next-auth swallows (a sign-out whose revocation failed) can still reach the reply.

/** What happened inside next-auth that it does not report itself. */
export interface AuthOutcome {
  /** The session could not be ended on the server; next-auth logged the error and would clear the cookie anyway. */
  signOutFailed: boolean;
}

const current = new AsyncLocalStorage<{ request: Request; outcome: AuthOutcome }>();

export function runWithAuthRequest<T>(request: Request, fn: () => T, outcome: AuthOutcome = { signOutFailed: false }): T {
  return current.run({ request, outcome }, fn);
}

export function noteSignOutFailure(): void {
  const context = current.getStore();
  if (context) context.outcome.signOutFailed = true;
}

/** Where the auth request being handled came from (nulls outside one). */
export function authRequestOrigin(): { ip: string | null; userAgent: string | null } {
  const request = current.getStore()?.request;
  if (!request) return { ip: null, userAgent: null };
  return { ip: clientAddress(request), userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null };
}
