import { expect, test } from "@playwright/test";

// Starts signed out: this journey is the sign-in page itself.
test.use({ storageState: { cookies: [], origins: [] } });

test("after repeated wrong passwords the sign-in page says how long to wait", async ({ page }) => {
  // An account nobody has: throttled exactly like a real one, so the journey locks out no one.
  const email = `guesser-${Date.now()}@e2e.test`;
  await page.goto("/signin");
  const attempt = async () => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/auth/callback/local")),
      page.getByRole("button", { name: "Sign in", exact: true }).click(),
    ]);
  };
  for (let i = 0; i < 5; i++) {
    await attempt();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is not right.");
  }
  await attempt();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many attempts, try again in [1-5] s\.$/);
  await expect(page).toHaveURL(/\/signin/);
});
