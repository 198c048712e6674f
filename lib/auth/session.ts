import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { isSessionRevoked } from "./revocations";
import { roleSchema, type Role } from "./roles";

export interface SessionUser {
  email: string;
  role: Role;
}

function cookiesOf(request: Request): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return cookies;
}

/** The user a set of cookies signs in, if the session token is valid and not revoked. */
async function userFromCookies(cookieValues: Record<string, string>): Promise<SessionUser | null> {
  const { auth } = getEnv();
  const token = await getToken({
    // Cookies only: a bearer token in a header is not a way into the console.
    req: { headers: new Headers({}), cookies: cookieValues } as never,
    secret: auth.secret,
    secureCookie: auth.url?.startsWith("https://") ?? false,
  });
  if (!token?.email) return null;
  if (typeof token.jti === "string" && isSessionRevoked(token.jti)) return null;
  const role = roleSchema.safeParse(token.role);
  return role.success ? { email: token.email, role: role.data } : null;
}

/** The signed-in user of an API request. */
export function getRequestUser(request: Request): Promise<SessionUser | null> {
  return userFromCookies(cookiesOf(request));
}

/** The signed-in user of a server component. */
export async function getPageUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return userFromCookies(Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])));
}
