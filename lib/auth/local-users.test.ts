import { randomBytes, scryptSync } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { findLocalUser, parseLocalUsers } from "./local-users";
import { hashPassword, parseStoredPassword, verifyPassword } from "./password-hashes";
import { can } from "./roles";

// Hashes made once here (scryptSync is fine in a test): salt 16 bytes, key 32 bytes, N=16384.
function scryptEntry(password: string, { saltBytes = 16, keyBytes = 32 } = {}): string {
  const salt = randomBytes(saltBytes);
  const key = scryptSync(password, salt, keyBytes, { N: 16384, r: 8, p: 1 });
  return `scrypt$${salt.toString("base64")}$${key.toString("base64")}`;
}

const matches = (stored: string, given: string) => verifyPassword(parseStoredPassword(stored), given);

describe("local accounts", () => {
  it("parses email:role:password entries, keeping colons in the password (demo mode allows plain text)", () => {
    expect(parseLocalUsers("A@x.test:admin:pw, b@x.test:viewer:p:w:d", { plainAllowed: true })).toEqual([
      { email: "a@x.test", role: "admin", password: "pw" },
      { email: "b@x.test", role: "viewer", password: "p:w:d" },
    ]);
  });

  const salt16 = randomBytes(16).toString("base64");
  const key32 = randomBytes(32).toString("base64");
  it.each([
    ["nobody", /not email:role:password/],
    ["a@x.test:root:pw", /unknown role/],
    ["a@x.test:admin:", /not email:role:password/],
    ["a@x.test:admin:plain-password", /plain-text passwords are refused outside demo mode/],
    ["a@x.test:admin:scrypt$AAAA$=", /scrypt salt is 3 bytes/],
    [`a@x.test:admin:scrypt$${salt16}$=`, /scrypt key is 0 bytes/],
    [`a@x.test:admin:scrypt$${salt16}$${randomBytes(16).toString("base64")}`, /scrypt key is 16 bytes/],
    [`a@x.test:admin:scrypt$${randomBytes(8).toString("base64")}$${key32}`, /scrypt salt is 8 bytes/],
    [`a@x.test:admin:scrypt$1024$8$1$${salt16}$${key32}`, /scrypt N must be/],
    [`a@x.test:admin:${bcrypt.hashSync("pw", 4)}`, /bcrypt cost 4 is too low/],
    ["a@x.test:admin:scrypt$not base64!$x", /malformed/],
  ])("refuses %s", (value, message) => {
    expect(() => parseLocalUsers(value)).toThrow(message);
  });

  it("accepts strong scrypt (short and explicit forms) and bcrypt entries", () => {
    const explicit = `scrypt$32768$8$1$${salt16}$${key32}`;
    const entries = [scryptEntry("pw"), explicit, bcrypt.hashSync("pw", 10)];
    expect(parseLocalUsers(entries.map((p, i) => `u${i}@x.test:viewer:${p}`).join(","))).toHaveLength(3);
  });

  it("checks bcrypt, scrypt and (demo) plain passwords", async () => {
    const stored = [bcrypt.hashSync("s3cret", 10), scryptEntry("s3cret"), await hashPassword("s3cret"), "s3cret"];
    for (const entry of stored) {
      expect(await matches(entry, "s3cret")).toBe(true);
      expect(await matches(entry, "wrong")).toBe(false);
    }
  });

  it("checks an explicit scrypt cost", async () => {
    const salt = randomBytes(16);
    const key = scryptSync("s3cret", salt, 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const entry = `scrypt$32768$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
    expect(await matches(entry, "s3cret")).toBe(true);
    expect(await matches(entry, "s3cret!")).toBe(false);
  });

  it("finds a user only with the right password", async () => {
    const users = parseLocalUsers(`a@x.test:analyst:${scryptEntry("pw")}`);
    expect(await findLocalUser(users, "A@X.test", "pw")).toEqual({ email: "a@x.test", role: "analyst" });
    expect(await findLocalUser(users, "a@x.test", "nope")).toBeNull();
    expect(await findLocalUser(users, "b@x.test", "pw")).toBeNull();
  });

  it("takes as long for an unknown email as for a known one (medians within 35% over 15 tries each)", async () => {
    const users = parseLocalUsers(`known@x.test:viewer:${scryptEntry("right")},other@x.test:viewer:${scryptEntry("other")}`);
    await findLocalUser(users, "warm@x.test", "up"); // the dummy hash is made on first use
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      // Alternate, so a burst of load on the machine falls on both sides.
      for (const [email, sink] of [["known@x.test", known], [`nobody-${i}@x.test`, unknown]] as const) {
        const started = performance.now();
        expect(await findLocalUser(users, email, "wrong")).toBeNull();
        sink.push(performance.now() - started);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [k, u] = [median(known), median(unknown)];
    // Before: an unknown email was compared with a plain string, in microseconds, against ~50 ms.
    expect(u).toBeGreaterThan(k * 0.65);
    expect(u).toBeLessThan(k / 0.65);
  });

  it("hashes without blocking the event loop", async () => {
    const users = parseLocalUsers(`a@x.test:viewer:${scryptEntry("pw")}`);
    await findLocalUser(users, "a@x.test", "warm");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all(Array.from({ length: 4 }, () => findLocalUser(users, "a@x.test", "wrong")));
    clearInterval(timer);
    // scryptSync would hold the loop for the whole batch: not one tick in between.
    expect(ticks).toBeGreaterThan(2);
  });
});

describe("roles", () => {
  it("ranks permissions", () => {
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "act")).toBe(false);
    expect(can("analyst", "act")).toBe(true);
    expect(can("analyst", "admin")).toBe(false);
    expect(can("admin", "admin")).toBe(true);
    expect(can(undefined, "read")).toBe(false);
  });
});
