import { randomBytes, scryptSync } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { findLocalUser, parseLocalUsers, passwordMatches } from "./local-users";
import { can, roleFromDirectory } from "./roles";

describe("local accounts", () => {
  it("parses email:role:password entries, keeping colons in the password", () => {
    expect(parseLocalUsers("A@x.test:admin:pw, b@x.test:viewer:p:w:d")).toEqual([
      { email: "a@x.test", role: "admin", password: "pw" },
      { email: "b@x.test", role: "viewer", password: "p:w:d" },
    ]);
  });

  it.each(["nobody", "a@x.test:root:pw", "a@x.test:admin:"])("refuses %s", (value) => {
    expect(() => parseLocalUsers(value)).toThrow();
  });

  it("checks plain, bcrypt and scrypt passwords", async () => {
    const hash = bcrypt.hashSync("s3cret", 4);
    const salt = randomBytes(16);
    const key = scryptSync("s3cret", salt, 32, { N: 16384, r: 8, p: 1 });
    const scrypt = `scrypt$${salt.toString("base64")}$${key.toString("base64")}`;
    for (const stored of ["s3cret", hash, scrypt]) {
      expect(await passwordMatches(stored, "s3cret")).toBe(true);
      expect(await passwordMatches(stored, "wrong")).toBe(false);
    }
  });

  it("finds a user only with the right password", async () => {
    const users = parseLocalUsers("a@x.test:analyst:pw");
    expect(await findLocalUser(users, "A@X.test", "pw")).toEqual({ email: "a@x.test", role: "analyst" });
    expect(await findLocalUser(users, "a@x.test", "nope")).toBeNull();
    expect(await findLocalUser(users, "b@x.test", "pw")).toBeNull();
  });
});

describe("roles", () => {
  it("maps directory identities by email or group", () => {
    const lists = { admins: ["boss@x.test"], analysts: ["soc"] };
    expect(roleFromDirectory({ email: "Boss@x.test" }, lists)).toBe("admin");
    expect(roleFromDirectory({ email: "a@x.test", groups: ["SOC"] }, lists)).toBe("analyst");
    expect(roleFromDirectory({ email: "c@x.test", groups: ["sales"] }, lists)).toBe("viewer");
  });

  it("ranks permissions", () => {
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "act")).toBe(false);
    expect(can("analyst", "act")).toBe(true);
    expect(can("analyst", "admin")).toBe(false);
    expect(can("admin", "admin")).toBe(true);
    expect(can(undefined, "read")).toBe(false);
  });
});
