import { expect, test } from "@playwright/test";
import { startOidcProvider } from "./oidc-provider";

// Starts signed out: this journey is the sign-in itself.
test.use({ storageState: { cookies: [], origins: [] } });

let provider: Awaited<ReturnType<typeof startOidcProvider>>;
test.beforeAll(async () => {
  provider = await startOidcProvider();
});
test.afterAll(async () => {
  await provider?.close();
});

test("single sign-on through a real OpenID Connect provider returns to the deep link, with the role from the group", async ({ page }) => {
  const deepLink = "/messages?sender=example.test&range=7d";
  await page.goto(deepLink);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  // The provider's own login and consent pages.
  await page.locator('input[name="login"]').fill("analyst-ada");
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: /sign-in/i }).click();
  await page.getByRole("button", { name: /continue/i }).click();

  await expect(page).toHaveURL(/\/messages\?sender=example\.test&range=7d$/);
  await expect(page.getByText("analyst-ada@oidc.test")).toBeVisible();
  await expect(page.getByText("analyst", { exact: true })).toBeVisible();
});
