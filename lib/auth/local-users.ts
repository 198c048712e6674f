import { scryptSync, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";
import { roleSchema, type Role } from "./roles";

export interface LocalUser {
  email: string;
  role: Role;
  /** A plain password, `$2a$…`/`$2b$…` (bcrypt) or `scrypt$<salt b64>$<key b64>` (N=16384, r=8, p=1). */
  password: string;
}

/** Demo mode only (simulated mail): the sign-in page lists these. */
export const DEMO_USERS: LocalUser[] = [
  { email: "viewer@demo.test", role: "viewer", password: "demo" },
  { email: "analyst@demo.test", role: "analyst", password: "demo" },
  { email: "admin@demo.test", role: "admin", password: "demo" },
];

/** `email:role:password` entries separated by commas; the password is everything after the second colon. */
export function parseLocalUsers(value: string): LocalUser[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const first = entry.indexOf(":");
      const second = entry.indexOf(":", first + 1);
      if (first < 1 || second < 0 || second === entry.length - 1) {
        throw new Error(`entry ${index + 1} is not email:role:password`);
      }
      const email = entry.slice(0, first).toLowerCase();
      const role = roleSchema.safeParse(entry.slice(first + 1, second));
      if (!role.success) throw new Error(`entry ${index + 1} (${email}) has an unknown role; use viewer, analyst or admin`);
      return { email, role: role.data, password: entry.slice(second + 1) };
    });
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function passwordMatches(stored: string, given: string): Promise<boolean> {
  if (/^\$2[aby]\$\d{2}\$/.test(stored)) return bcrypt.compare(given, stored);
  const scrypt = /^scrypt\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (scrypt) {
    const salt = Buffer.from(scrypt[1]!, "base64");
    const key = Buffer.from(scrypt[2]!, "base64");
    return safeEqual(scryptSync(given, salt, key.length, { N: 16384, r: 8, p: 1 }), key);
  }
  return safeEqual(Buffer.from(stored), Buffer.from(given));
}

export async function findLocalUser(users: readonly LocalUser[], email: string, password: string) {
  const user = users.find((u) => u.email === email.trim().toLowerCase());
  // Compare against something even when the user is unknown, so timing does not reveal accounts.
  const ok = await passwordMatches(user?.password ?? "\u0000never-matches", password);
  return user && ok ? { email: user.email, role: user.role } : null;
}
