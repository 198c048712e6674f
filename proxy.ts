import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
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
  if (!PUBLIC_PATHS.some((re) => re.test(pathname))) {
    const { auth } = getEnv();
    const token = await getToken({ req: request, secret: auth.secret, secureCookie: auth.url?.startsWith("https://") ?? false });
    if (!token?.email) {
      const signIn = new URL("/signin", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(signIn);
    }
  }
  // Next.js reads the nonce from the request's CSP header and stamps it on its own scripts.
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
