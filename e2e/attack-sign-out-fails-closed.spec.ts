import Database from "better-sqlite3";
import { E2E, SESSION_USERS } from "./env";
import { expect, test } from "./fixtures";
import { signInAs } from "./sign-in";

// Someone has copied a viewer's cookie. The viewer signs out at a moment the console cannot write
// the end of the session (its database is busy). Today the browser is signed out anyway and the
// copy keeps working; sign-out must fail closed: the viewer is told they are still signed in, the
// cookie stays, and signing out again once the write can be made ends the copy too.

const SESSION_COOKIE = "next-auth.session-token";

test.use({ storageState: { cookies: [], origins: [] } });

test("a sign-out whose revocation cannot be written says so and keeps the session, until it can", async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signInAs(browser, SESSION_USERS.leaver);
  try {
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    const copied = `${cookie!.name}=${cookie!.value}`;
    const sessionOf = async () => (await (await page.request.get("/api/auth/session", { headers: { cookie: copied } })).json()) as { user?: { email: string } };

    // Another writer holds the database (SQLite lets one writer at a time); the console waits its
    // busy timeout, then the revocation fails.
    const db = new Database(E2E.serverEnv.DATABASE_URL);
    db.exec("BEGIN IMMEDIATE");
    try {
      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: "You are still signed in" })).toBeVisible({ timeout: 20_000 });
    } finally {
      db.exec("ROLLBACK");
      db.close();
    }
    await expect(page).toHaveURL(/\/messages/);
    expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(true);
    expect((await sessionOf()).user?.email).toBe(SESSION_USERS.leaver.email);

    // Now the write goes through: this browser is signed out and the copy is refused.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect(await sessionOf()).toEqual({});
  } finally {
    await context.close();
  }
});
