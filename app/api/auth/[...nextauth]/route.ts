// GET, POST /api/auth/* — next-auth's sign-in, callback, session and sign-out endpoints.
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(request as never, context as never, getAuthOptions());

export { handler as GET, handler as POST };
