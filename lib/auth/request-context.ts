import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { clientAddress } from "@/lib/api/access";

// next-auth's events and callbacks are not given the request, but the audit trail records where a
// sign-in came from. The auth route runs next-auth inside this context so they can ask.

const current = new AsyncLocalStorage<Request>();

export function runWithAuthRequest<T>(request: Request, fn: () => T): T {
  return current.run(request, fn);
}

/** Where the auth request being handled came from (nulls outside one). */
export function authRequestOrigin(): { ip: string | null; userAgent: string | null } {
  const request = current.getStore();
  if (!request) return { ip: null, userAgent: null };
  return { ip: clientAddress(request), userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null };
}
