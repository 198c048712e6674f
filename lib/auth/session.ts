import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { getAuthOptions } from "./options";
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

/** The signed-in user of an API request, from the session cookie alone (no bearer tokens). */
export async function getRequestUser(request: Request): Promise<SessionUser | null> {
  const { auth } = getEnv();
  const token = await getToken({
    req: { headers: new Headers({}), cookies: cookiesOf(request) } as never,
    secret: auth.secret,
    secureCookie: auth.url?.startsWith("https://") ?? false,
  });
  if (!token?.email) return null;
  const role = roleSchema.safeParse(token.role);
  return role.success ? { email: token.email, role: role.data } : null;
}

/** The signed-in user of a server component. */
export async function getPageUser(): Promise<SessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const role = roleSchema.safeParse(session?.user?.role);
  return session?.user?.email && role.success ? { email: session.user.email, role: role.data } : null;
}
