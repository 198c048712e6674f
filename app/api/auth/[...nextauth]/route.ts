// GET, POST /api/auth/* — next-auth's sign-in, callback, session and sign-out endpoints.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { runWithAuthRequest } from "@/lib/auth/request-context";

type Context = { params: Promise<{ nextauth: string[] }> };

// Run inside the request's context so sign-in and sign-out events can record where they came from.
const handler = (request: Request, context: Context) =>
  runWithAuthRequest(request, () => NextAuth(request as never, context as never, getAuthOptions()));

export { handler as GET, handler as POST };
