// Calls App Router route handlers the way Next.js does, for tests.
import { encode } from "next-auth/jwt";
import type { Role } from "@/lib/auth/roles";
import { createServerSession } from "@/lib/auth/server-sessions";
import { getEnv } from "@/lib/env";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const ORIGIN = "http://127.0.0.1:3000";

export interface CallOptions {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A raw body, sent as is (for malformed-input tests). */
  rawBody?: string;
  headers?: Record<string, string>;
  method?: string;
  /** Signed in with this role (default admin); `null` for no session. */
  as?: Role | null;
}

/**
 * Makes `email` a configured local account with `role` (the configuration the session rules
 * consult on every request), replacing any earlier entry for it.
 */
export function configureLocalUser(email: string, role: Role | null): void {
  const users = getEnv().auth.localUsers;
  const index = users.findIndex((u) => u.email === email);
  if (index >= 0) users.splice(index, 1);
  if (role) users.push({ email, role, password: "fake-test-password" });
}

/** A next-auth session token for a signed-in local user, with its server session, as sign-in makes them. */
export async function signedInToken(role: Role, email = `${role}@tests.test`) {
  configureLocalUser(email, role);
  const session = await createServerSession({ email, role, provider: "local" });
  const token = await encode({
    token: { email, name: email, role, sid: session.id, sessionExpiresAt: session.expiresAt },
    secret: getEnv().auth.secret,
  });
  return { token, session };
}

/** A next-auth session cookie, minted the way next-auth mints it at sign-in. */
export async function sessionCookie(role: Role, email = `${role}@tests.test`): Promise<string> {
  return `next-auth.session-token=${(await signedInToken(role, email)).token}`;
}

export async function callRoute(handler: Handler, path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  const role = options.as === undefined ? "admin" : options.as;
  if (role && !headers.has("cookie")) headers.set("cookie", await sessionCookie(role));
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  // Browsers send Origin on every state-changing fetch; tests do too unless they say otherwise.
  if (method !== "GET" && !headers.has("origin")) headers.set("origin", ORIGIN);
  const request = new Request(`${ORIGIN}${path}${options.query ? `?${options.query}` : ""}`, {
    method,
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
}
