import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { APPROVER_USERS, E2E } from "./env";

// Journeys that need a second person sign them in here, in a browser context of their own.

type Account = { email: string; password: string };

/** A fresh browser context signed in through the real sign-in page. */
export async function signInAs(browser: Browser, user: Account = APPROVER_USERS.approver): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: E2E.consoleUrl, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Hashing is slow on a busy machine; the setup project allows the same.
  await expect(page).toHaveURL(/\/messages/, { timeout: 30_000 });
  return { context, page };
}

