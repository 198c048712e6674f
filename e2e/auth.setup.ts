import { expect, test as setup } from "@playwright/test";
import { STORAGE_STATE, USERS, type E2ERole } from "./env";

for (const role of Object.keys(USERS) as E2ERole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(USERS[role].email);
    await page.getByLabel("Password").fill(USERS[role].password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/messages/, { timeout: 30_000 });
    await page.context().storageState({ path: STORAGE_STATE[role] });
  });
}
