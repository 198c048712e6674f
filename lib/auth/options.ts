import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { findLocalUser } from "./local-users";
import { revokeSession } from "./revocations";
import { roleFromDirectory, roleSchema } from "./roles";

/** A working shift: long enough not to interrupt an incident, short enough that a lost laptop expires. */
const SESSION_SECONDS = 10 * 60 * 60;

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
  groups?: string[];
}

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
      profile(profile: OidcProfile) {
        const email = (profile.email ?? profile.preferred_username ?? profile.sub).toLowerCase();
        return {
          id: profile.sub,
          email,
          name: profile.name ?? email,
          role: roleFromDirectory({ email, groups: profile.groups }, auth),
        };
      },
    });
  }
  if (auth.localUsers.length > 0) {
    providers.push(
      CredentialsProvider({
        id: "local",
        name: "Local account",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          const user = await findLocalUser(auth.localUsers, credentials.email, credentials.password);
          return user ? { id: user.email, email: user.email, name: user.email, role: user.role } : null;
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
