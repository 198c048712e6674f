import "server-only";
import { getEnv } from "@/lib/env";

// next-auth names the cookie itself (`__Secure-` on https) and splits a large token into `.0`, `.1`…
// chunks; a refused session must lose all of them.

function sessionCookieName(): string {
  const secure = getEnv().auth.url?.startsWith("https://") ?? false;
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** `Set-Cookie` values that delete the session cookie (and any chunk of it the request carried). */
export function clearSessionCookies(request: Request): string[] {
  const base = sessionCookieName();
  const secure = base.startsWith("__Secure-") ? "; Secure" : "";
  const names = new Set([base]);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const name = part.slice(0, Math.max(0, part.indexOf("="))).trim();
    if (name.startsWith(`${base}.`)) names.add(name);
  }
  return [...names].map((name) => `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
}

/** Whether the request carried a session cookie at all (then a refusal should clear it). */
export function hasSessionCookie(request: Request): boolean {
  const base = sessionCookieName();
  return (request.headers.get("cookie") ?? "").split(";").some((part) => part.trim().startsWith(base));
}
