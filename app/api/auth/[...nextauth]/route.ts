// GET, POST /api/auth/* — next-auth's sign-in, callback, session and sign-out endpoints.
import NextAuth from "next-auth";
import { errorResponse } from "@/lib/api/respond";
import { getAuthOptions } from "@/lib/auth/options";
import { runWithAuthRequest, type AuthOutcome } from "@/lib/auth/request-context";
import { AppError } from "@/lib/errors";

type Context = { params: Promise<{ nextauth: string[] }> };

// Run inside the request's context so sign-in and sign-out events can record where they came from,
// and so a sign-out whose revocation failed (next-auth logs it and clears the cookie regardless)
// fails closed: the user is told, and the cookie, still valid wherever it was copied, is kept.
async function handler(request: Request, context: Context): Promise<Response> {
  const outcome: AuthOutcome = { signOutFailed: false };
  const response = await runWithAuthRequest(request, () => NextAuth(request as never, context as never, getAuthOptions()) as Promise<Response>, outcome);
  if (!outcome.signOutFailed) return response;
  return errorResponse(
    new AppError("internal", "You are still signed in: the console could not end your session on the server, so any copy of your cookie would keep working. Try again."),
  );
}

export { handler as GET, handler as POST };
