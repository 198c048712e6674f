import { describe, expect, it } from "vitest";
import { oidcIdentity } from "./oidc-identity";

const lists = {
  admins: { emails: ["boss@x.test"], groups: ["soc-leads"] },
  analysts: { emails: ["ana@x.test"], groups: ["soc"] },
};

describe("OpenID Connect identity", () => {
  it.each([
    ["a verified email named as admin", { sub: "1", email: "Boss@x.test", email_verified: true }, "admin", "boss@x.test"],
    ["a verified email named as analyst", { sub: "2", email: "ana@x.test", email_verified: true }, "analyst", "ana@x.test"],
    ["a group from the groups claim", { sub: "3", email: "c@x.test", email_verified: true, groups: ["SOC-Leads"] }, "admin", "c@x.test"],
    ["an unnamed group", { sub: "4", email: "c@x.test", email_verified: true, groups: ["sales"] }, "viewer", "c@x.test"],
    ["an unverified admin email", { sub: "5", email: "boss@x.test", email_verified: false }, "viewer", null],
    ["a verification claim that is only a string", { sub: "6", email: "boss@x.test", email_verified: "true" }, "viewer", null],
    ["no verification claim", { sub: "7", email: "boss@x.test" }, "viewer", null],
    ["a username equal to a group name", { sub: "8", preferred_username: "soc-leads", email: "d@x.test", email_verified: true }, "viewer", "d@x.test"],
    ["a username equal to an admin email", { sub: "9", preferred_username: "boss@x.test" }, "viewer", null],
    ["a subject equal to an admin email", { sub: "boss@x.test" }, "viewer", null],
    ["an email equal to a group's name", { sub: "10", email: "soc-leads", email_verified: true }, "viewer", null],
    ["a groups claim that is not a list", { sub: "11", groups: "soc-leads" }, "viewer", null],
  ])("%s", (_, claims, role, email) => {
    expect(oidcIdentity(claims, lists)).toMatchObject({ id: claims.sub, role, email });
  });

  it("keeps an unverified user's groups, and shows the name or subject, never as an email", () => {
    const identity = oidcIdentity({ sub: "abc-123", email: "x@x.test", email_verified: false, groups: ["soc"] }, lists);
    expect(identity).toEqual({ id: "abc-123", email: null, name: "abc-123", role: "analyst" });
    expect(oidcIdentity({ sub: "abc-123", name: "Ada L." }, lists).name).toBe("Ada L.");
  });
});
