import { expect, test as setup } from "@playwright/test";
import { STACKS, USERS, storageStateFor, type E2ERole } from "./env";

// Every stack's console has its own sessions, so each role signs in on each of them.
STACKS.forEach((stack, index) => {
  for (const role of Object.keys(USERS) as E2ERole[]) {
    setup(`sign in as ${role} on stack ${index}`, async ({ page }) => {
      await page.goto(`${stack.consoleUrl}/signin`);
      await page.getByLabel("Email").fill(USERS[role].email);
      await page.getByLabel("Password").fill(USERS[role].password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(/\/messages/, { timeout: 30_000 });
      await page.context().storageState({ path: storageStateFor(index)[role] });
    });
  }
});
