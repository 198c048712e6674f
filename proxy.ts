import { NextResponse, type NextRequest } from "next/server";
import { acceptSession, sessionTokenOf } from "@/lib/auth/session";
import { clearSessionCookies, hasSessionCookie } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { isMalformedIdPath } from "@/lib/page-ids";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/security-headers";

// Pages behind sign-in. API routes answer 401 JSON themselves (lib/api/access.ts), so a script
// gets an error it can read rather than a redirect to an HTML page.
const PUBLIC_PATHS = [/^\/signin(\/|$)/, /^\/api\//];

export async function proxy(request: NextRequest) {
  const response = await respond(request);
  const hsts = strictTransportSecurity(getEnv().auth.url);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

async function respond(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Only next-auth's own routes come here among the API (see the matcher): JSON, never a document
  // a nonce could protect, and next-auth checks its session itself.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (!PUBLIC_PATHS.some((re) => re.test(pathname))) {
    // Proxy runs in the Node.js runtime (Next 16), so it applies the same session rules as every
    // other path, database lookup included.
    const token = await sessionTokenOf(Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value])));
    if (!(await acceptSession(token))) {
      const signIn = new URL("/signin", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      const redirect = NextResponse.redirect(signIn);
      if (hasSessionCookie(request)) for (const cookie of clearSessionCookies(request)) redirect.headers.append("set-cookie", cookie);
      return redirect;
    }
  }
  // Next.js reads the nonce from the request's CSP header and stamps it on its own scripts.
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  // A malformed id renders its page's own explanation, with a real 400. Only for documents: the
  // client router reads an RSC payload's status as "fall back to a full load".
  const status = request.headers.get("rsc") === null && isMalformedIdPath(pathname) ? 400 : undefined;
  const response = NextResponse.next({ request: { headers }, ...(status ? { status } : {}) });
  response.headers.set("content-security-policy", csp);
  return response;
}

// The console's API routes skip the proxy: they are the hot path (every search), and the route
// wrapper (lib/api/route.ts) checks the session and adds Strict-Transport-Security itself.
// next-auth's routes (/api/auth/…) still pass through for the header.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/(?!auth/)).*)"],
};
