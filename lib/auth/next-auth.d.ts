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
  }
}
