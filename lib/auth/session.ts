import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getEnv, type AuthEnv } from "@/lib/env";
import { roleFromDirectory } from "./oidc-identity";
import { ROLES, type Role } from "./roles";
import { findServerSession, nowSeconds, touchServerSession, type ServerSession } from "./server-sessions";

export interface SessionUser {
  email: string;
  role: Role;
}

/** A session every rule has accepted: who, with the role in force now, and which server session. */
export interface AcceptedSession {
  user: SessionUser;
  sessionId: string;
  /** Seconds since the epoch; fixed at sign-in, never extended. */
  expiresAt: number;
}

/** ROLES is ordered from least to most allowed. */
const lower = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

/**
 * The role in force for a session, from the configuration as it is now: a local account's role
 * is whatever CONSOLE_LOCAL_USERS says today (no entry: no session); an OIDC user keeps the role
 * given at sign-in only while the admin/analyst lists still grant it.
 */
function roleInForce(session: ServerSession, auth: AuthEnv): Role | null {
  if (session.provider === "local") {
    return auth.localUsers.find((u) => u.email === session.email)?.role ?? null;
  }
  return lower(session.role, roleFromDirectory({ email: session.email, groups: session.groups }, auth));
}

/**
 * THE rule for accepting a session, used by every path that accepts one: API routes, pages,
 * proxy.ts and next-auth's own session endpoint. A token is only a pointer to a server session;
 * that session must exist, not be revoked, be inside its absolute lifetime, and its user must
 * still be allowed in.
 */
export async function acceptSession(token: JWT | null | undefined): Promise<AcceptedSession | null> {
  if (!token || typeof token.sid !== "string") return null;
  const session = await findServerSession(token.sid);
  if (!session || session.revokedAt !== null || nowSeconds() >= session.expiresAt) return null;
  const role = roleInForce(session, getEnv().auth);
  if (!role) return null;
  // Bookkeeping, not a decision: the request need not wait for it.
  touchServerSession(session).catch((err: unknown) => console.error(`[triage] could not record session activity: ${(err as Error).message}`));
  return { user: { email: session.email, role }, sessionId: session.id, expiresAt: session.expiresAt };
}

/**
 * Cookies as sent. A value that is not valid percent-encoding is kept as it came (the way the
 * `cookie` package does) instead of throwing: a damaged cookie is no session, not a server error.
 */
function cookiesOf(request: Request): Record<string, string> {
  const jar: Record<string, string> = Object.create(null);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const value = part.slice(eq + 1).trim();
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // kept raw: it will not decrypt, so it signs nobody in
    }
    jar[part.slice(0, eq).trim()] = decoded;
  }
  return jar;
}

/**
 * Decrypted tokens by the exact cookie text that carried them. Decrypting (HKDF, then AES-GCM)
 * is most of what a session costs per request, and the same cookie always decrypts to the same
 * token, so it is done once a minute per cookie. What can change — revocation, expiry, the role —
 * is still decided on every request by `acceptSession`, from the database.
 */
const DECODED_TTL_MS = 60_000;
const DECODED_MAX = 2_000;
const decoded = new Map<string, { token: JWT; until: number }>();

function sessionCookieText(cookieValues: Record<string, string>): string {
  // The token's own cookie and any chunks (`.0`, `.1`…), in a stable order.
  return Object.keys(cookieValues)
    .filter((name) => name.includes("next-auth.session-token"))
    .sort()
    .map((name) => `${name}=${cookieValues[name]}`)
    .join(";");
}

/** The session token in a set of cookies, decrypted, or null (absent, forged, damaged, expired). */
export async function sessionTokenOf(cookieValues: Record<string, string>): Promise<JWT | null> {
  const { auth } = getEnv();
  const cookieText = sessionCookieText(cookieValues);
  if (!cookieText) return null;
  // Another secret (a test, a rotation at restart) must not find tokens the old one opened.
  const key = `${auth.secret}\u0000${cookieText}`;
  const now = Date.now();
  const hit = decoded.get(key);
  if (hit && hit.until > now) return hit.token;
  let token: JWT | null;
  try {
    token = await getToken({
      // Cookies only: a bearer token in a header is not a way into the console.
      req: { headers: new Headers({}), cookies: cookieValues } as never,
      secret: auth.secret,
      secureCookie: auth.url?.startsWith("https://") ?? false,
    });
  } catch {
    return null;
  }
  if (token) {
    // Never past the token's own expiry; the oldest entry goes first when full.
    const exp = typeof token.exp === "number" ? token.exp * 1000 : now + DECODED_TTL_MS;
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { token, until: Math.min(now + DECODED_TTL_MS, exp) });
  }
  return token;
}

/** The accepted session of an API request (with its server session id, e.g. to end it). */
export async function getRequestSession(request: Request): Promise<AcceptedSession | null> {
  return acceptSession(await sessionTokenOf(cookiesOf(request)));
}

/** The signed-in user of an API request. */
export async function getRequestUser(request: Request): Promise<SessionUser | null> {
  return (await getRequestSession(request))?.user ?? null;
}

/** The signed-in user of a server component. */
export async function getPageUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const token = await sessionTokenOf(Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])));
  return (await acceptSession(token))?.user ?? null;
}
