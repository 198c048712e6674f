import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { promisify } from "node:util";
import bcrypt from "bcryptjs";

// Not marked server-only: the e2e fixtures and `npm run hash-password` write entries with it.
// It holds no secret; the passwords it checks come from the server's environment.

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: ScryptOptions) => Promise<Buffer>;

/** The scrypt cost of `scrypt$<salt>$<key>` entries, and the least an explicit entry may ask for. */
const SCRYPT_DEFAULT = { N: 16384, r: 8, p: 1 };
const MIN_SALT_BYTES = 16;
const MIN_KEY_BYTES = 32;
const MIN_BCRYPT_COST = 10;

export type StoredPassword =
  | { kind: "plain"; value: string }
  | { kind: "bcrypt"; cost: number; hash: string }
  | { kind: "scrypt"; N: number; r: number; p: number; salt: Buffer; key: Buffer };

const B64 = "[A-Za-z0-9+/]*={0,2}";
const SCRYPT_SHORT = new RegExp(`^scrypt\\$(${B64})\\$(${B64})$`);
const SCRYPT_LONG = new RegExp(`^scrypt\\$(\\d+)\\$(\\d+)\\$(\\d+)\\$(${B64})\\$(${B64})$`);
const BCRYPT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;

/**
 * What a configured password is: bcrypt (`$2b$12$…`), scrypt (`scrypt$<salt b64>$<key b64>` at
 * N=16384, r=8, p=1, or `scrypt$N$r$p$<salt b64>$<key b64>`), or else plain text.
 */
export function parseStoredPassword(stored: string): StoredPassword {
  const bcryptMatch = BCRYPT.exec(stored);
  if (bcryptMatch) return { kind: "bcrypt", cost: Number(bcryptMatch[1]), hash: stored };
  const long = SCRYPT_LONG.exec(stored);
  if (long) {
    const [N, r, p] = [Number(long[1]), Number(long[2]), Number(long[3])];
    return { kind: "scrypt", N, r, p, salt: Buffer.from(long[4]!, "base64"), key: Buffer.from(long[5]!, "base64") };
  }
  const short = SCRYPT_SHORT.exec(stored);
  if (short) return { kind: "scrypt", ...SCRYPT_DEFAULT, salt: Buffer.from(short[1]!, "base64"), key: Buffer.from(short[2]!, "base64") };
  return { kind: "plain", value: stored };
}

/** Why an entry may not be used, or null. Plain text is allowed only in demo mode. */
export function weaknessOf(stored: string, { plainAllowed }: { plainAllowed: boolean }): string | null {
  const parsed = parseStoredPassword(stored);
  switch (parsed.kind) {
    case "plain":
      // A hash-like entry that did not parse would otherwise be accepted as the plain text of the hash.
      if (stored.startsWith("scrypt$") || stored.startsWith("$2")) return "the password hash is malformed";
      return plainAllowed ? null : "plain-text passwords are refused outside demo mode; store a scrypt or bcrypt hash (npm run hash-password)";
    case "bcrypt":
      return parsed.cost < MIN_BCRYPT_COST ? `bcrypt cost ${parsed.cost} is too low; use at least ${MIN_BCRYPT_COST}` : null;
    case "scrypt":
      if (parsed.salt.length < MIN_SALT_BYTES) return `scrypt salt is ${parsed.salt.length} bytes; use at least ${MIN_SALT_BYTES}`;
      if (parsed.key.length < MIN_KEY_BYTES) return `scrypt key is ${parsed.key.length} bytes; use at least ${MIN_KEY_BYTES}`;
      if (parsed.N < SCRYPT_DEFAULT.N || (parsed.N & (parsed.N - 1)) !== 0) return `scrypt N must be a power of two of at least ${SCRYPT_DEFAULT.N}`;
      if (parsed.r < SCRYPT_DEFAULT.r || parsed.p < 1 || parsed.p > 16) return `scrypt r must be at least ${SCRYPT_DEFAULT.r} and p between 1 and 16`;
      return null;
  }
}

function scryptKey(password: string, stored: Extract<StoredPassword, { kind: "scrypt" }>): Promise<Buffer> {
  // Node refuses more than 32 MB by default; a stronger explicit N needs room (128·N·r bytes).
  const maxmem = Math.max(32 * 1024 * 1024, 256 * stored.N * stored.r);
  return scryptAsync(password, stored.salt, stored.key.length, { N: stored.N, r: stored.r, p: stored.p, maxmem });
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks a password without blocking the event loop: scrypt runs on libuv's pool, bcryptjs yields. */
export async function verifyPassword(stored: StoredPassword, given: string): Promise<boolean> {
  switch (stored.kind) {
    case "bcrypt":
      return bcrypt.compare(given, stored.hash);
    case "scrypt":
      return safeEqual(await scryptKey(given, stored), stored.key);
    case "plain":
      return safeEqual(Buffer.from(stored.value), Buffer.from(given));
  }
}

/**
 * A hash of a random password with the same kind and cost as `model`: checking a password against
 * it costs what checking a real account does, so an unknown email cannot be told from a known one.
 */
export async function dummyLike(model: StoredPassword): Promise<StoredPassword> {
  const password = randomBytes(24).toString("base64");
  switch (model.kind) {
    case "bcrypt":
      return { kind: "bcrypt", cost: model.cost, hash: await bcrypt.hash(password, model.cost) };
    case "scrypt": {
      const salt = randomBytes(model.salt.length);
      const shaped = { ...model, salt };
      return { ...shaped, key: await scryptKey(password, shaped) };
    }
    case "plain":
      return { kind: "plain", value: password.slice(0, model.value.length || 1) };
  }
}

/** A new `scrypt$<salt>$<key>` entry for CONSOLE_LOCAL_USERS. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(MIN_SALT_BYTES);
  const key = await scryptKey(password, { kind: "scrypt", ...SCRYPT_DEFAULT, salt, key: Buffer.alloc(MIN_KEY_BYTES) });
  return `scrypt$${salt.toString("base64")}$${key.toString("base64")}`;
}
