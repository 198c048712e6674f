import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";

// Pages behind sign-in. API routes answer 401 JSON themselves (lib/api/access.ts), so a script
// gets an error it can read rather than a redirect to an HTML page.
const PUBLIC_PATHS = [/^\/signin(\/|$)/, /^\/api\//, /^\/_next\//, /^\/favicon\.ico$/];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((re) => re.test(pathname))) return NextResponse.next();
  const { auth } = getEnv();
  const token = await getToken({ req: request, secret: auth.secret, secureCookie: auth.url?.startsWith("https://") ?? false });
  if (token?.email) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
