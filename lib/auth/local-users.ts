import { dummyLike, parseStoredPassword, verifyPassword, weaknessOf, type StoredPassword } from "./password-hashes";
import { roleSchema, type Role } from "./roles";

export interface LocalUser {
  email: string;
  role: Role;
  /** A bcrypt hash (`$2b$12$…`), a scrypt entry (`scrypt$<salt b64>$<key b64>`), or plain text in demo mode only. */
  password: string;
}

/** Demo mode only (simulated mail): the sign-in page lists these. */
export const DEMO_USERS: LocalUser[] = [
  { email: "viewer@demo.test", role: "viewer", password: "demo" },
  { email: "analyst@demo.test", role: "analyst", password: "demo" },
  { email: "admin@demo.test", role: "admin", password: "demo" },
];

/**
 * `email:role:password` entries separated by commas; the password is everything after the second
 * colon. An entry whose hash is weak (short salt or key, low cost) or plain text (outside demo
 * mode) is refused, so a weak configuration stops the server instead of accepting guesses.
 */
export function parseLocalUsers(value: string, { plainAllowed = false } = {}): LocalUser[] {
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
      const password = entry.slice(second + 1);
      const weakness = weaknessOf(password, { plainAllowed });
      if (weakness) throw new Error(`entry ${index + 1} (${email}): ${weakness}`);
      return { email, role: role.data, password };
    });
}

/** The password format most accounts use (kind and cost), so the dummy costs what they cost. */
function commonestFormat(users: readonly LocalUser[]): StoredPassword {
  const counts = new Map<string, { model: StoredPassword; count: number }>();
  for (const user of users) {
    const parsed = parseStoredPassword(user.password);
    const signature =
      parsed.kind === "bcrypt"
        ? `bcrypt:${parsed.cost}`
        : parsed.kind === "scrypt"
          ? `scrypt:${parsed.N}:${parsed.r}:${parsed.p}:${parsed.salt.length}:${parsed.key.length}`
          : `plain:${parsed.value.length}`;
    const seen = counts.get(signature);
    counts.set(signature, { model: parsed, count: (seen?.count ?? 0) + 1 });
  }
  let best: { model: StoredPassword; count: number } = { model: { kind: "plain", value: "x" }, count: 0 };
  for (const candidate of counts.values()) if (candidate.count > best.count) best = candidate;
  return best.model;
}

const dummies = new WeakMap<readonly LocalUser[], Promise<StoredPassword>>();

/** Made once per set of accounts and awaited by every attempt, so even the first unknown email costs no less. */
function dummyFor(users: readonly LocalUser[]): Promise<StoredPassword> {
  let dummy = dummies.get(users);
  if (!dummy) {
    dummy = dummyLike(commonestFormat(users));
    dummies.set(users, dummy);
  }
  return dummy;
}

/**
 * The account these credentials sign in, or null. An unknown email is checked against a real hash
 * of the same kind and cost, so the time taken does not tell which accounts exist.
 */
export async function findLocalUser(users: readonly LocalUser[], email: string, password: string) {
  const dummy = await dummyFor(users);
  const user = users.find((u) => u.email === email.trim().toLowerCase());
  const ok = await verifyPassword(user ? parseStoredPassword(user.password) : dummy, password);
  return user && ok ? { email: user.email, role: user.role } : null;
}
