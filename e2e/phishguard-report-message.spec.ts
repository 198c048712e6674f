import { expect, messageRows, test, waitForRows } from "./fixtures";

test("a PhishGuard report leads to its message through a search for its postfix id", async ({ page }) => {
  await page.goto("/phishguard");
  const reports = page.getByRole("table", { name: "PhishGuard reports" });
  await expect(page.getByRole("status").filter({ hasText: /^\d+ reports?$/ })).toBeVisible();
  const first = reports.getByRole("row").nth(1);
  await expect(first.getByRole("cell").nth(2)).toHaveText(/high|medium|low/);

  await first.getByRole("link", { name: /Find the message of report/ }).click();
  await expect(page).toHaveURL(/\/messages\?query=/);
  const postfixId = new URL(page.url()).searchParams.get("query")!;
  await waitForRows(page);
  await expect(messageRows(page)).toHaveCount(1);
  const id = await messageRows(page).first().getAttribute("data-row-id");
  expect(id?.startsWith(`${postfixId}-`)).toBe(true);

  await messageRows(page).first().getByRole("link").first().click();
  await expect(page).toHaveURL(`/messages/${encodeURIComponent(id!)}`);

  // The range is in the URL.
  await page.goto("/phishguard");
  await page.getByLabel("Reported in").selectOption("7d");
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(page.getByRole("status").filter({ hasText: /^\d+ reports?$/ })).toBeVisible();
});
