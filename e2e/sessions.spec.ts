import type { Browser, BrowserContext, Page } from "@playwright/test";
import { E2E, SESSION_USERS, STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { signInAs } from "./sign-in";

type SessionUser = (typeof SESSION_USERS)[keyof typeof SESSION_USERS];
const SESSION_COOKIE = "next-auth.session-token";

const signedIn = (browser: Browser, user: SessionUser) => signInAs(browser, user);

async function sessionCookieOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "signed in, so there is a session cookie").toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}

/** Whether a page and the API let the context in, asked the way the browser asks. */
async function expectSignedOut(page: Page) {
  await page.goto("/messages");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmessages/);
  expect((await page.request.get("/api/email-security/investigate?per_page=1")).status()).toBe(401);
}

test.describe("sessions that end", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a cookie copied before sign-out is refused by next-auth's session endpoint, a page and the API", async ({ browser }) => {
    const { context, page } = await signedIn(browser, SESSION_USERS.copier);
    try {
      const copied = await sessionCookieOf(context);
      const before = await page.request.get("/api/auth/session", { headers: { cookie: copied } });
      expect(await before.json()).toMatchObject({ user: { email: SESSION_USERS.copier.email } });

      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(page).toHaveURL(/\/signin/);

      // The copy is exchanged at next-auth's own endpoint: no session, and the cookie is deleted.
      const exchanged = await page.request.get("/api/auth/session", { headers: { cookie: copied } });
      expect(await exchanged.json()).toEqual({});
      const setCookie = exchanged.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
      expect(setCookie.some((v) => v.startsWith(`${SESSION_COOKIE}=;`))).toBe(true);

      const pageLoad = await page.request.get("/messages", { headers: { cookie: copied }, maxRedirects: 0 });
      expect(pageLoad.status()).toBe(307);
      expect(pageLoad.headers().location).toContain("/signin");
      const api = await page.request.get("/api/email-security/investigate?per_page=1", { headers: { cookie: copied } });
      expect(api.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  test("Sign out everywhere in one browser ends the session in another", async ({ browser }) => {
    const laptop = await signedIn(browser, SESSION_USERS.roamer);
    const phone = await signedIn(browser, SESSION_USERS.roamer);
    try {
      expect((await phone.page.request.get("/api/email-security/investigate?per_page=1")).status()).toBe(200);
      await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click();
      await expect(laptop.page).toHaveURL(/\/signin/);
      await expectSignedOut(phone.page);
      await expectSignedOut(laptop.page);
    } finally {
      await laptop.context.close();
      await phone.context.close();
    }
  });

  test("an admin ends a user's sessions from the audit page", async ({ browser }) => {
    const leaver = await signedIn(browser, SESSION_USERS.leaver);
    const admin = await browser.newContext({ baseURL: E2E.consoleUrl, storageState: STORAGE_STATE.admin });
    try {
      const audit = await admin.newPage();
      await audit.goto("/audit");
      const sessions = audit.getByRole("table", { name: "Active sessions" });
      await expect(sessions.getByRole("row").filter({ hasText: SESSION_USERS.leaver.email })).toBeVisible();
      await sessions.getByRole("button", { name: `End sessions of ${SESSION_USERS.leaver.email}` }).click();
      const dialog = audit.getByRole("dialog", { name: "End this user's sessions?" });
      await expect(dialog).toContainText(SESSION_USERS.leaver.email);
      await dialog.getByRole("button", { name: "End sessions" }).click();
      await expect(audit.getByRole("status").filter({ hasText: `of ${SESSION_USERS.leaver.email}` })).toContainText(/Ended \d+ sessions?/);
      await expect(sessions.getByRole("row").filter({ hasText: SESSION_USERS.leaver.email })).toHaveCount(0);

      await expectSignedOut(leaver.page);

      // The trail says who ended whose sessions, and when the leaver had signed in.
      await audit.goto("/audit?operation=session_revoke");
      const trail = audit.getByRole("table", { name: "Audit trail" });
      await expect(trail.locator("tbody tr").filter({ hasText: `sessions of ${SESSION_USERS.leaver.email}` }).first()).toContainText("admin@e2e.test");
      await audit.goto(`/audit?operation=sign_in&email=${encodeURIComponent(SESSION_USERS.leaver.email)}`);
      await expect(trail.locator("tbody tr").first()).toContainText("succeeded");
    } finally {
      await leaver.context.close();
      await admin.close();
    }
  });
});
