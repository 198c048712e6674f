import { describe, expect, it } from "vitest";
import { GET as search } from "@/app/api/email-security/investigate/route";
import { auditList } from "@/lib/testing/audit";
import { callRoute, ORIGIN, sessionCookie } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { POST as endMine } from "./end-mine/route";
import { POST as endUser } from "./end/route";
import { GET as listSessions } from "./route";

// The requests below come through one trusted proxy, so the audit records the address it reports.
process.env.TRUSTED_PROXY_HOPS = "1";

useDemoSimulator();

const works = async (cookie: string) => (await callRoute(search, "/x", { query: "per_page=1", headers: { cookie } })).status;

describe("sign out everywhere", () => {
  it("ends every session of the caller, this one included, clears its cookie and is audited", async () => {
    const laptop = await sessionCookie("analyst", "two-devices@tests.test");
    const phone = await sessionCookie("analyst", "two-devices@tests.test");
    const someoneElse = await sessionCookie("analyst", "bystander@tests.test");
    const res = await callRoute(endMine, "/x", { method: "POST", headers: { cookie: laptop, "x-forwarded-for": "192.0.2.11" } });
    expect(res.status).toBe(200);
    expect(res.json.result).toEqual({ email: "two-devices@tests.test", ended: 2 });
    expect(res.headers.getSetCookie().join("\n")).toMatch(/^next-auth\.session-token=;.*Max-Age=0/);
    expect([await works(laptop), await works(phone), await works(someoneElse)]).toEqual([401, 401, 200]);
    expect((await auditList({ operation: "session_revoke" }))[0]).toMatchObject({
      email: "two-devices@tests.test",
      outcome: "succeeded",
      ip: "192.0.2.11",
      params: { scope: "everywhere" },
    });
  });

  it("is refused from another site", async () => {
    const cookie = await sessionCookie("viewer", "csrf-target@tests.test");
    const res = await callRoute(endMine, "/x", { method: "POST", headers: { cookie, origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(await works(cookie)).toBe(200);
  });
});

describe("an admin ends another user's sessions", () => {
  it("lists who is signed in, ends all of one user's sessions, and records by whom and whose", async () => {
    const victim1 = await sessionCookie("analyst", "stolen-laptop@tests.test");
    const victim2 = await sessionCookie("analyst", "stolen-laptop@tests.test");
    const admin = await sessionCookie("admin", "lead@tests.test");
    const listed = await callRoute(listSessions, "/x", { headers: { cookie: admin } });
    expect(listed.json.result).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: "stolen-laptop@tests.test", role: "analyst", sessions: 2 })]),
    );

    const res = await callRoute(endUser, "/x", { body: { email: "Stolen-Laptop@tests.test" }, headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(res.json.result).toEqual({ email: "stolen-laptop@tests.test", ended: 2 });
    expect([await works(victim1), await works(victim2), await works(admin)]).toEqual([401, 401, 200]);
    const after = await callRoute(listSessions, "/x", { headers: { cookie: admin } });
    expect(after.json.result.map((u: { email: string }) => u.email)).not.toContain("stolen-laptop@tests.test");
    expect((await auditList({ operation: "session_revoke" }))[0]).toMatchObject({
      email: "lead@tests.test",
      role: "admin",
      outcome: "succeeded",
      params: { whose: "stolen-laptop@tests.test", scope: "user" },
      result: { ended: 2 },
    });
  });

  it.each([
    ["an analyst", "analyst", {}, 403],
    ["a viewer", "viewer", {}, 403],
    ["another site", "admin", { origin: "https://evil.example" }, 403],
    ["no origin at all", "admin", { origin: "" }, 403],
  ] as const)("is refused to %s", async (_name, role, headers, status) => {
    const target = await sessionCookie("viewer", "target@tests.test");
    const res = await callRoute(endUser, "/x", {
      body: { email: "target@tests.test" },
      headers: { cookie: await sessionCookie(role, `${role}-caller@tests.test`), ...headers },
    });
    expect(res.status).toBe(status);
    expect(await works(target)).toBe(200);
  });

  it.each([
    [{}, "email"],
    [{ email: "" }, "email"],
    [{ email: "a@b.test", extra: 1 }, ""],
  ])("refuses a malformed body %j", async (body, field) => {
    const res = await callRoute(endUser, "/x", { body, headers: { origin: ORIGIN } });
    expect(res.status).toBe(400);
    if (field) expect(res.json.error.fields[field]).toBeTruthy();
  });

  it("the list of sessions is for admins", async () => {
    expect((await callRoute(listSessions, "/x", { as: "analyst" })).status).toBe(403);
  });
});
