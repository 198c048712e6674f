import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { forwardedClientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { signInLocally } from "./local-sign-in";
import { oidcIdentity } from "./oidc-identity";
import { revokeSession } from "./revocations";
import { roleSchema } from "./roles";
import { throttledSignInError } from "./sign-in-errors";

/** A working shift: long enough not to interrupt an incident, short enough that a lost laptop expires. */
const SESSION_SECONDS = 10 * 60 * 60;

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const { auth } = getEnv();
  const providers: NextAuthOptions["providers"] = [];
  if (auth.oidc) {
    providers.push({
      id: "oidc",
      name: "Single sign-on",
      type: "oauth",
      wellKnown: `${auth.oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: auth.oidc.clientId,
      clientSecret: auth.oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // Only a verified email is an email, and groups come only from the `groups` claim
      // (lib/auth/oidc-identity.ts). Without a verified email `email` is null: no session is made.
      profile(claims: Record<string, unknown>) {
        return oidcIdentity(claims, auth);
      },
    });
  }
  if (auth.localUsers.length > 0) {
    providers.push(
      CredentialsProvider({
        id: "local",
        name: "Local account",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          if (!credentials?.email || !credentials.password) return null;
          const forwardedFor = (request?.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
          const result = await signInLocally(auth.localUsers, {
            email: credentials.email,
            password: credentials.password,
            address: forwardedClientAddress(forwardedFor, getEnv().trustedProxyHops),
          });
          if (result.ok) return { id: result.user.email, email: result.user.email, name: result.user.email, role: result.user.role };
          // next-auth hands this message to the sign-in page, which shows the wait.
          if (result.reason === "throttled") throw new Error(throttledSignInError(result.retryAfterSeconds));
          return null;
        },
      }),
    );
  }
  cached = {
    secret: auth.secret,
    providers,
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    jwt: { maxAge: SESSION_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    // next-auth makes cookies HttpOnly and SameSite=Lax; Secure (and __Secure- names) on https.
    useSecureCookies: auth.url?.startsWith("https://") ?? false,
    events: {
      // Signing out ends the session on the server too, not only in this browser.
      signOut({ token }) {
        if (typeof token?.jti === "string") revokeSession(token.jti, Number(token.exp ?? 0) || Math.floor(Date.now() / 1000) + SESSION_SECONDS);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) token.role = roleSchema.catch("viewer").parse(user.role);
        return token;
      },
      session({ session, token }) {
        session.user = {
          email: token.email ?? "",
          name: token.name,
          role: roleSchema.catch("viewer").parse(token.role),
        };
        return session;
      },
    },
  };
  return cached;
}
