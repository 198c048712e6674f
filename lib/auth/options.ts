import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuditStore } from "@/lib/audit/store";
import { recordSignIn } from "@/lib/audit/sign-in";
import { getEnv } from "@/lib/env";
import { escapeForLog } from "@/lib/log-text";
import { signInLocally } from "./local-sign-in";
import { oidcIdentity } from "./oidc-identity";
import { authRequestOrigin, noteSignOutFailure } from "./request-context";
import { roleSchema } from "./roles";
import { acceptSession } from "./session";
import { createServerSession, revokeServerSession, SESSION_SECONDS } from "./server-sessions";
import { throttledSignInError } from "./sign-in-errors";

/**
 * Thrown by the jwt callback for a session the rules refuse. next-auth's session endpoint answers
 * any error there with an empty session and deletes the cookie, instead of re-issuing it.
 */
class SessionRefusedError extends Error {
  override name = "SessionRefusedError";
}

/** The server session could not be ended at sign-out (the database refused the write). */
class RevocationFailedError extends Error {
  override name = "RevocationFailedError";
}

const groupsOf = (profile: unknown): string[] => {
  const groups = (profile as { groups?: unknown } | undefined)?.groups;
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [];
};

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
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          const origin = authRequestOrigin();
          const result = await signInLocally(auth.localUsers, {
            email: credentials.email,
            password: credentials.password,
            address: origin.ip,
          });
          if (result.ok) return { id: result.user.email, email: result.user.email, name: result.user.email, role: result.user.role };
          const known = auth.localUsers.some((u) => u.email === credentials.email.trim().toLowerCase());
          const reason = result.reason === "throttled" ? "throttled" : known ? "bad_password" : "unknown_account";
          await recordSignIn({ email: credentials.email, outcome: "failure", reason, known, provider: "local", ...origin });
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
      async signIn({ user, account }) {
        await recordSignIn({
          email: user.email ?? "unknown",
          outcome: "success",
          provider: account?.provider ?? "unknown",
          role: roleSchema.catch("viewer").parse(user.role),
          ...authRequestOrigin(),
        });
      },
      // Signing out ends the server session, so a copy of the cookie is refused everywhere.
      // A failed revocation throws: next-auth only logs it (see the logger), and the auth route
      // then refuses the sign-out instead of clearing the cookie.
      async signOut({ token }) {
        if (typeof token?.sid !== "string" || !token.email) return;
        let revoked: boolean;
        try {
          revoked = await revokeServerSession(token.sid, token.email);
        } catch (err) {
          throw new RevocationFailedError(`could not end session: ${(err as Error).message}`, { cause: err });
        }
        if (!revoked) return;
        // The session is ended; a lost audit row must not make the user believe it is not.
        await (await getAuditStore())
          .record({
            email: token.email,
            role: roleSchema.catch("viewer").parse(token.role),
            operation: "sign_out",
            ...authRequestOrigin(),
            outcome: "succeeded",
            status: 200,
          })
          .catch((err: unknown) => console.error(`[triage] could not record a sign-out: ${escapeForLog(err)}`));
      },
    },
    logger: {
      error(code, metadata) {
        // A refused session is the rules working, not an error worth a stack trace.
        if (metadata instanceof SessionRefusedError) return;
        // next-auth catches what an event throws, logs it (SIGN_OUT_EVENT_ERROR) and carries on.
        if (metadata instanceof RevocationFailedError) noteSignOutFailure();
        // The OIDC callback failed (provider said no, bad state, unreadable profile, sign-in refused
        // here): a failed sign-in. next-auth logs a provider's own error twice, first as an object
        // with a providerId, then as OAUTH_CALLBACK_ERROR; one row is enough.
        const failure = code === "OAUTH_CALLBACK_ERROR" || (code === "OAUTH_CALLBACK_HANDLER_ERROR" && metadata instanceof Error);
        if (failure) {
          const cause = (metadata as { error?: unknown })?.error ?? metadata;
          const refused = cause instanceof Error && /access_denied/.test(cause.message);
          // The logger cannot wait; a lost row is reported rather than thrown into next-auth.
          recordSignIn({ email: "unknown", outcome: "failure", reason: refused ? "oidc_refused" : "oidc_error", provider: "oidc", ...authRequestOrigin() }).catch(
            (err: unknown) => console.error(`[triage] could not record a failed sign-in: ${(err as Error).message}`),
          );
        }
        // The message can be text from the request (an OIDC callback's `?error=`): one escaped line.
        const message = metadata instanceof Error ? metadata.message : ((metadata as { message?: unknown })?.message ?? "");
        console.error(`[next-auth][error][${escapeForLog(code, 64)}] ${escapeForLog(message)}`);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${escapeForLog(code, 64)}]`);
      },
      debug() {},
    },
    callbacks: {
      // An identity provider that did not verify an email gives no one to sign in: say so on the
      // sign-in page instead of failing later with nothing to show.
      async signIn({ user, account }) {
        if (user.email) return true;
        await recordSignIn({ email: "unknown", outcome: "failure", reason: "oidc_unverified_email", provider: account?.provider ?? "oidc", ...authRequestOrigin() });
        return "/signin?error=EmailNotVerified";
      },
      async jwt({ token, user, account, profile }) {
        if (user) {
          // Sign-in: the server session is created here, once; re-issues only carry its id.
          if (!user.email) throw new SessionRefusedError("no email to sign in with");
          const provider = account?.provider === "oidc" ? "oidc" : "local";
          const role = roleSchema.catch("viewer").parse(user.role);
          const session = await createServerSession({ email: user.email, role, provider, groups: provider === "oidc" ? groupsOf(profile) : [] });
          token.sid = session.id;
          token.role = role;
          token.sessionExpiresAt = session.expiresAt;
          return token;
        }
        // Every later exchange (GET /api/auth/session) applies the same rules as every other path.
        const accepted = await acceptSession(token);
        if (!accepted) throw new SessionRefusedError("session refused");
        token.role = accepted.user.role;
        token.sessionExpiresAt = accepted.expiresAt;
        return token;
      },
      session({ session, token }) {
        session.user = {
          email: token.email ?? "",
          name: token.name,
          role: roleSchema.catch("viewer").parse(token.role),
        };
        // The session ends at its absolute expiry, however often the cookie is re-issued.
        if (typeof token.sessionExpiresAt === "number") session.expires = new Date(token.sessionExpiresAt * 1000).toISOString();
        return session;
      },
    },
  };
  return cached;
}
