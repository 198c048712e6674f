import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as search } from "@/app/api/email-security/investigate/route";
import { GET as listAudit } from "@/app/api/audit/route";
import { getEnv } from "@/lib/env";
import { callRoute, configureLocalUser, signedInToken } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { proxy } from "@/proxy";
import { createServerSession, revokeServerSession } from "./server-sessions";
import { getPageUser } from "./session";

useDemoSimulator();

// Server components read cookies through next/headers; here they are the cookie under test.
const pageCookie = vi.hoisted(() => ({ value: "" }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => (pageCookie.value ? [{ name: "next-auth.session-token", value: pageCookie.value }] : []) }),
}));

afterEach(() => vi.useRealTimers());

/** What each path that accepts a session says about one token. */
async function everywhere(token: string) {
  const cookie = `next-auth.session-token=${token}`;
  const api = await callRoute(search, "/x", { query: "per_page=1", headers: { cookie } });
  const admin = await callRoute(listAudit, "/x", { headers: { cookie } });
  pageCookie.value = token;
  const page = await getPageUser();
  const proxied = await proxy(new NextRequest("http://127.0.0.1:3000/messages?x=1", { headers: { cookie } }));
  return {
    api: api.status,
    admin: admin.status,
    apiClearsCookie: api.headers.getSetCookie().some((c) => /^next-auth\.session-token=;.*Max-Age=0/.test(c)),
    page,
    proxy: proxied.headers.get("location") ? "sign-in" : "through",
    proxyClearsCookie: proxied.headers.getSetCookie().some((c) => /^next-auth\.session-token=;/.test(c)),
  };
}

describe("one rule for every path that accepts a session", () => {
  it("accepts a live session on the API, pages and the proxy", async () => {
    const { token } = await signedInToken("analyst", "live@tests.test");
    expect(await everywhere(token)).toEqual({
      api: 200,
      admin: 403,
      apiClearsCookie: false,
      page: { email: "live@tests.test", role: "analyst" },
      proxy: "through",
      proxyClearsCookie: false,
    });
  });

  const refused = { api: 401, admin: 401, apiClearsCookie: true, page: null, proxy: "sign-in", proxyClearsCookie: true };

  it("refuses a revoked session everywhere, and clears the cookie", async () => {
    const { token, session } = await signedInToken("analyst", "revoked@tests.test");
    await revokeServerSession(session.id, "revoked@tests.test");
    expect(await everywhere(token)).toEqual(refused);
  });

  it("refuses a session revoked after it was accepted (a decrypted token is remembered, the session is not)", async () => {
    const { token, session } = await signedInToken("analyst", "revoked-later@tests.test");
    expect((await everywhere(token)).api).toBe(200);
    await revokeServerSession(session.id, "revoked-later@tests.test");
    expect(await everywhere(token)).toEqual(refused);
  });

  it("refuses a session past its absolute expiry everywhere", async () => {
    const { token } = await signedInToken("admin", "overtime@tests.test");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60 * 60 * 1000 + 1000);
    expect(await everywhere(token)).toEqual(refused);
  });

  it("refuses a removed local user's session on the next request", async () => {
    const { token } = await signedInToken("analyst", "removed@tests.test");
    configureLocalUser("removed@tests.test", null);
    expect(await everywhere(token)).toEqual(refused);
  });

  it("gives a local admin whose entry now says viewer the viewer role on the next request", async () => {
    const { token } = await signedInToken("admin", "demoted@tests.test");
    expect((await everywhere(token)).admin).toBe(200);
    configureLocalUser("demoted@tests.test", "viewer");
    expect(await everywhere(token)).toMatchObject({ api: 200, admin: 403, page: { email: "demoted@tests.test", role: "viewer" } });
  });

  it("drops an OIDC admin removed from CONSOLE_ADMINS to what the lists still give", async () => {
    const { auth } = getEnv();
    const adminEmails = auth.admins.emails as string[];
    const analystGroups = auth.analysts.groups as string[];
    adminEmails.push("sso-admin@tests.test");
    analystGroups.push("soc-analysts-test");
    try {
      const session = await createServerSession({ email: "sso-admin@tests.test", role: "admin", provider: "oidc", groups: ["soc-analysts-test"] });
      const token = await encode({ token: { email: session.email, sid: session.id, role: "admin" }, secret: auth.secret });
      expect((await everywhere(token)).page).toEqual({ email: "sso-admin@tests.test", role: "admin" });
      adminEmails.splice(adminEmails.indexOf("sso-admin@tests.test"), 1);
      // Still an analyst through the group they were in at sign-in; no longer an admin.
      expect(await everywhere(token)).toMatchObject({ api: 200, admin: 403, page: { role: "analyst" } });
    } finally {
      adminEmails.splice(0, adminEmails.length, ...adminEmails.filter((a) => a !== "sso-admin@tests.test"));
      analystGroups.splice(analystGroups.indexOf("soc-analysts-test"), 1);
    }
  });

  it("never raises an OIDC role above what was given at sign-in", async () => {
    const { auth } = getEnv();
    const adminEmails = auth.admins.emails as string[];
    const session = await createServerSession({ email: "sso-viewer@tests.test", role: "viewer", provider: "oidc" });
    adminEmails.push("sso-viewer@tests.test");
    try {
      const token = await encode({ token: { email: session.email, sid: session.id, role: "admin" }, secret: auth.secret });
      expect((await everywhere(token)).page).toEqual({ email: "sso-viewer@tests.test", role: "viewer" });
    } finally {
      adminEmails.splice(adminEmails.indexOf("sso-viewer@tests.test"), 1);
    }
  });

  it("refuses a token without a server session id (the old kind, or one forged with the secret)", async () => {
    configureLocalUser("old@tests.test", "admin");
    const token = await encode({ token: { email: "old@tests.test", role: "admin" }, secret: getEnv().auth.secret });
    expect(await everywhere(token)).toEqual(refused);
  });
});

describe("damaged cookies", () => {
  it.each([
    ["a session cookie that is not valid percent-encoding", "next-auth.session-token=%E0%A4%A"],
    ["a lone percent sign", "next-auth.session-token=%"],
    ["garbage", "next-auth.session-token=not-a-token"],
  ])("%s is a 401 that clears the cookie, not a 500", async (_name, cookie) => {
    const res = await callRoute(search, "/x", { query: "per_page=1", headers: { cookie } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
    expect(res.headers.getSetCookie().join("\n")).toMatch(/^next-auth\.session-token=;/);
  });

  it("a damaged unrelated cookie does not cost a valid session", async () => {
    const { token } = await signedInToken("viewer", "crumbs@tests.test");
    const res = await callRoute(search, "/x", { query: "per_page=1", headers: { cookie: `tracker=%; next-auth.session-token=${token}` } });
    expect(res.status).toBe(200);
  });
});
