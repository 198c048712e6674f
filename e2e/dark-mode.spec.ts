import { expect, test } from "./fixtures";
import { pageBackgroundLuminance } from "./theme-colors";

const DARK = 0.05;
const LIGHT = 0.8;

test("the console follows the system's colour scheme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/messages");
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  expect(await pageBackgroundLuminance(page)).toBeLessThan(DARK);

  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => pageBackgroundLuminance(page)).toBeGreaterThan(LIGHT);
});

test("a chosen theme overrides the system's and survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/messages");
  const theme = page.getByRole("combobox", { name: "Colour theme" });
  await expect(theme).toHaveValue("system");
  expect(await pageBackgroundLuminance(page)).toBeGreaterThan(LIGHT);

  await theme.selectOption("dark");
  await expect.poll(() => pageBackgroundLuminance(page)).toBeLessThan(DARK);

  // The server paints the choice from the first byte: <html data-theme> comes in the document.
  const response = await page.reload();
  expect(await response?.text()).toMatch(/<html[^>]*data-theme="dark"/);
  await expect(theme).toHaveValue("dark");
  expect(await pageBackgroundLuminance(page)).toBeLessThan(DARK);

  // Back to the system's: light again, and nothing remembered.
  await theme.selectOption("system");
  await expect.poll(() => pageBackgroundLuminance(page)).toBeGreaterThan(LIGHT);
  await page.reload();
  await expect(theme).toHaveValue("system");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => pageBackgroundLuminance(page)).toBeLessThan(DARK);
});
