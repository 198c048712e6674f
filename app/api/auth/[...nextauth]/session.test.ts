import { createRequire } from "node:module";
import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { auditList } from "@/lib/testing/audit";
import { flushSignInFailures } from "@/lib/audit/sign-in";
import { getAuthOptions } from "@/lib/auth/options";
import { runWithAuthRequest } from "@/lib/auth/request-context";
import { getEnv } from "@/lib/env";
import { ORIGIN, signedInToken } from "@/lib/testing/routes";
import { GET, POST } from "./route";

// The requests below come through one trusted proxy, so the audit records the address it reports.
process.env.TRUSTED_PROXY_HOPS = "1";

// next-auth's App Router handler reads the request through `require("next/headers")`, which only
// works inside Next.js; here that module is replaced (in require's cache, where vi.mock cannot
// reach) by one that serves the request under test.
const current = { request: null as Request | null };
const requireFromNextAuth = createRequire(createRequire(import.meta.url).resolve("next-auth"));
requireFromNextAuth.cache[requireFromNextAuth.resolve("next/headers")] = {
  exports: {
    cookies: async () => {
      const jar = new Map<string, string>();
      for (const part of (current.request?.headers.get("cookie") ?? "").split(";")) {
        const eq = part.indexOf("=");
        if (eq > 0) jar.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
      }
      return { getAll: () => [...jar].map(([name, value]) => ({ name, value })) };
    },
    headers: async () => current.request?.headers ?? new Headers(),
  },
} as NodeJS.Module;

const COOKIE = "next-auth.session-token";

async function callAuth(action: string, options: { cookies?: Record<string, string>; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers = new Headers({ host: new URL(ORIGIN).host, ...options.headers });
  const jar = Object.entries(options.cookies ?? {}).map(([k, v]) => `${k}=${v}`);
  if (jar.length) headers.set("cookie", jar.join("; "));
  let body: string | undefined;
  if (options.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(options.form).toString();
  }
  const request = new NextRequest(`${ORIGIN}/api/auth/${action}`, { method: body ? "POST" : "GET", headers, body });
  current.request = request;
  const handler = body ? POST : GET;
  const response = await handler(request, { params: Promise.resolve({ nextauth: action.split("/") }) });
  const setCookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    setCookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  const text = await response.text();
  let json: Record<string, any> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, location: response.headers.get("location"), json, setCookies };
}

/** next-auth's double-submit CSRF pair, as the sign-in and sign-out forms send it. */
async function csrf() {
  const res = await callAuth("csrf");
  return { cookie: res.setCookies.get("next-auth.csrf-token")!, token: String(res.json?.csrfToken) };
}

const decodeSession = (token: string) => decode({ token, secret: getEnv().auth.secret });

afterEach(() => vi.useRealTimers());

describe("next-auth's session endpoint applies the session rules", () => {
  it("re-issues a token that keeps the session id and the absolute expiry", async () => {
    const { token, session } = await signedInToken("analyst", "reissue@tests.test");
    // An hour later the cookie is exchanged: the new token must not live longer than the shift.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60 * 60 * 1000);
    const res = await callAuth("session", { cookies: { [COOKIE]: token } });
    expect(res.json).toMatchObject({ user: { email: "reissue@tests.test", role: "analyst" } });
    expect(res.json?.expires).toBe(new Date(session.expiresAt * 1000).toISOString());
    const reissued = await decodeSession(res.setCookies.get(COOKIE)!);
    expect(reissued).toMatchObject({ sid: session.id, sessionExpiresAt: session.expiresAt });
  });

  it("refuses a copied cookie after sign-out and clears it", async () => {
    const { token } = await signedInToken("analyst", "copied@tests.test");
    const pair = await csrf();
    const signOut = await callAuth("signout", {
      cookies: { [COOKIE]: token, "next-auth.csrf-token": pair.cookie },
      form: { csrfToken: pair.token },
      headers: { "user-agent": "vitest-agent", "x-forwarded-for": "192.0.2.9" },
    });
    expect(signOut.status).toBe(302);
    expect((await auditList({ operation: "sign_out" }))[0]).toMatchObject({
      email: "copied@tests.test",
      outcome: "succeeded",
      ip: "192.0.2.9",
      user_agent: "vitest-agent",
    });

    const replayed = await callAuth("session", { cookies: { [COOKIE]: token } });
    expect(replayed.json).toEqual({});
    // Deleted, not re-issued: the value is empty and no fresh token comes back.
    expect(replayed.setCookies.get(COOKIE)).toBe("");
  });

  it("fails closed when the revocation cannot be written: the user is told, the cookie is kept and still works", async () => {
    const { token } = await signedInToken("analyst", "stuck@tests.test");
    const db = await getDb();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // The database refuses the write (here: the table is not there for a moment).
    await db.schema.alterTable("sessions").renameTo("sessions_away").execute();
    let refused: Awaited<ReturnType<typeof callAuth>>;
    try {
      const pair = await csrf();
      refused = await callAuth("signout", { cookies: { [COOKIE]: token, "next-auth.csrf-token": pair.cookie }, form: { csrfToken: pair.token } });
    } finally {
      await db.schema.alterTable("sessions_away").renameTo("sessions").execute();
      logged.mockRestore();
    }
    expect(refused.status).toBe(500);
    expect(refused.json?.error.message).toMatch(/You are still signed in/);
    expect(refused.setCookies.has(COOKIE)).toBe(false);
    expect((await callAuth("session", { cookies: { [COOKIE]: token } })).json).toMatchObject({ user: { email: "stuck@tests.test" } });

    // Once the write can be made, signing out works as usual.
    const pair = await csrf();
    const signedOut = await callAuth("signout", { cookies: { [COOKIE]: token, "next-auth.csrf-token": pair.cookie }, form: { csrfToken: pair.token } });
    expect(signedOut.status).toBe(302);
    expect(signedOut.setCookies.get(COOKIE)).toBe("");
    expect((await callAuth("session", { cookies: { [COOKIE]: token } })).json).toEqual({});
  });

  it("refuses a session past its absolute expiry, however it was re-issued", async () => {
    const { token } = await signedInToken("viewer", "overtime@tests.test");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60 * 60 * 1000 + 1000);
    const res = await callAuth("session", { cookies: { [COOKIE]: token } });
    expect(res.json).toEqual({});
    expect(res.setCookies.get(COOKIE)).toBe("");
  });

  it("refuses a token that names no server session (minted before sessions, or forged with the secret)", async () => {
    const { token } = await signedInToken("viewer", "orphan@tests.test");
    const claims = (await decodeSession(token))!;
    await (await getDb()).deleteFrom("sessions").where("id", "=", String(claims.sid)).execute();
    const res = await callAuth("session", { cookies: { [COOKIE]: token } });
    expect(res.json).toEqual({});
  });
});

describe("sign-in is audited", () => {
  const signIn = async (email: string, password: string) => {
    const pair = await csrf();
    return callAuth("callback/local", {
      cookies: { "next-auth.csrf-token": pair.cookie },
      form: { csrfToken: pair.token, email, password },
      headers: { "user-agent": "vitest-agent", "x-forwarded-for": "192.0.2.10" },
    });
  };

  it.each([
    ["an unknown account", "nobody@demo.test", "demo", "unknown_account"],
    ["a wrong password", "analyst@demo.test", "not-the-password", "bad_password"],
  ])("records a failure for %s, with the reason", async (_name, email, password, reason) => {
    const res = await signIn(email, password);
    expect(res.location).toMatch(/error=CredentialsSignin/);
    expect((await auditList({ operation: "sign_in" }))[0]).toMatchObject({
      email,
      role: "none",
      outcome: "failed",
      upstream_status: 401,
      params: { provider: "local", reason },
      ip: "192.0.2.10",
      user_agent: "vitest-agent",
    });
  });

  it("records a success, and the new session is a server session with a fixed expiry", async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await signIn("analyst@demo.test", "demo");
    expect(res.setCookies.get(COOKIE)).toBeTruthy();
    expect((await auditList({ operation: "sign_in" }))[0]).toMatchObject({
      email: "analyst@demo.test",
      role: "analyst",
      outcome: "succeeded",
      params: { provider: "local" },
      ip: "192.0.2.10",
    });
    const claims = (await decodeSession(res.setCookies.get(COOKIE)!))!;
    const row = (await (await getDb()).selectFrom("sessions").selectAll().where("id", "=", String(claims.sid)).executeTakeFirstOrThrow()) as Record<string, unknown>;
    expect(row).toMatchObject({ email: "analyst@demo.test", role: "analyst", provider: "local", revoked_at: null });
    expect(Number(row.expires_at) - before).toBeGreaterThanOrEqual(10 * 60 * 60);
    expect(Number(row.expires_at) - before).toBeLessThanOrEqual(10 * 60 * 60 + 5);
    expect(claims.sessionExpiresAt).toBe(row.expires_at);
  });
});

describe("a failed single sign-on is audited once", () => {
  it.each([
    ["the provider refused", new Error("access_denied"), "oidc_refused"],
    ["the callback failed", new Error("state mismatch"), "oidc_error"],
  ])("%s", async (_name, error, reason) => {
    const logger = getAuthOptions().logger!;
    const before = (await auditList({ operation: "sign_in" })).length;
    // next-auth reports a provider's error twice: first with its provider id, then as the callback error.
    logger.error!("OAUTH_CALLBACK_HANDLER_ERROR", { error, providerId: "oidc" } as never);
    logger.error!("OAUTH_CALLBACK_ERROR", { error, providerId: "oidc" } as never);
    // The logger cannot wait for the row; it is written just after.
    await vi.waitFor(async () => expect(await auditList({ operation: "sign_in" })).toHaveLength(before + 1));
    const rows = await auditList({ operation: "sign_in" });
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ email: "unknown", outcome: "failed", params: { provider: "oidc", reason } });
  });

  it("folds a flood of callback errors into one row, and logs the provider's text as one escaped line", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = (await auditList({ operation: "sign_in", limit: 1000 })).length;
    const logger = getAuthOptions().logger!;
    const request = new Request(`${ORIGIN}/api/auth/callback/oidc`, { headers: { "x-forwarded-for": "192.0.2.80" } });
    // What next-auth does with `GET /api/auth/callback/oidc?error=…`: the text becomes an Error's message.
    const text = "denied\n[triage] admin@x.test signed in\u202e";
    for (let i = 0; i < 100; i++) {
      runWithAuthRequest(request, () => {
        logger.error!("OAUTH_CALLBACK_HANDLER_ERROR", { error: new Error(text), providerId: "oidc" } as never);
        logger.error!("OAUTH_CALLBACK_ERROR", new Error(text) as never);
      });
    }
    await vi.waitFor(async () => {
      await flushSignInFailures();
      const rows = (await auditList({ operation: "sign_in", limit: 1000 })).filter((r) => r.ip === "192.0.2.80");
      expect(rows).toHaveLength(1);
      expect(rows[0]!.params).toMatchObject({ provider: "oidc", reason: "oidc_error", attempts: 100 });
    });
    expect((await auditList({ operation: "sign_in", limit: 1000 })).length).toBe(before + 1);
    const lines = logged.mock.calls.map((call) => call.map(String).join(" "));
    logged.mockRestore();
    expect(lines.some((line) => line.includes("denied\\n[triage] admin@x.test signed in\\u202e"))).toBe(true);
    for (const line of lines) {
      expect(line).not.toMatch(/[\n\r\u202e]/);
    }
  });
});

describe("failed sign-ins from anyone make a bounded number of rows", () => {
  const signInFrom = async (address: string, email: string, password: string, pair: { cookie: string; token: string }) =>
    callAuth("callback/local", {
      cookies: { "next-auth.csrf-token": pair.cookie },
      form: { csrfToken: pair.token, email, password },
      headers: { "x-forwarded-for": address },
    });

  it("records 200 parallel wrong passwords for one account as a row per reason, with counts that add up", async () => {
    const pair = await csrf();
    const replies = await Promise.all(Array.from({ length: 200 }, () => signInFrom("192.0.2.77", "viewer@demo.test", "guess", pair)));
    expect(replies.every((r) => r.status === 302)).toBe(true);
    await flushSignInFailures();
    const rows = (await auditList({ operation: "sign_in", email: "viewer@demo.test", limit: 500 })).filter((r) => r.ip === "192.0.2.77");
    const byReason = Object.fromEntries(rows.map((r) => [r.params.reason, r.params.attempts]));
    expect(rows).toHaveLength(2);
    expect(Object.keys(byReason).sort()).toEqual(["bad_password", "throttled"]);
    expect(Number(byReason.bad_password) + Number(byReason.throttled)).toBe(200);
    expect(Number(byReason.bad_password)).toBeLessThanOrEqual(6);
  });

  it("folds attempts at emails that name no account into one row per address and minute", async () => {
    const pair = await csrf();
    for (let i = 0; i < 30; i++) await signInFrom("192.0.2.78", `nobody-${i}@demo.test`, "guess", pair);
    await flushSignInFailures();
    const rows = (await auditList({ operation: "sign_in", limit: 500 })).filter((r) => r.ip === "192.0.2.78");
    // The address's own limit throttles after 20 failures: one row for each reason.
    expect(rows.map((r) => [r.params.reason, r.params.attempts]).sort()).toEqual([
      ["throttled", 10],
      ["unknown_account", 20],
    ]);
  });

  it("starts a new row when the minute is over", async () => {
    const pair = await csrf();
    await signInFrom("192.0.2.79", "nobody@demo.test", "guess", pair);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    await signInFrom("192.0.2.79", "nobody@demo.test", "guess", pair);
    await flushSignInFailures();
    const rows = (await auditList({ operation: "sign_in", limit: 500 })).filter((r) => r.ip === "192.0.2.79");
    expect(rows.map((r) => r.params.attempts)).toEqual([1, 1]);
  });
});
