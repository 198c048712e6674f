import type { Role } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { email: string; name?: string | null; role: Role };
  }
  interface User {
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The server session (lib/auth/server-sessions.ts) this token stands for; fixed at sign-in. */
    sid?: string;
    /** The session's absolute expiry, seconds since the epoch; re-issuing the token never moves it. */
    sessionExpiresAt?: number;
  }
}
