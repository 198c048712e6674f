import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";

test.use({ storageState: STORAGE_STATE.viewer });

test("the Status filter and the Status column speak of the same thing: the review status", async ({ page }) => {
  await page.goto("/submissions");
  const filters = page.getByRole("form", { name: "Submission filters" });
  await filters.getByLabel("Status").selectOption("reviewed");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=reviewed/);
  const table = page.getByRole("table", { name: "Submissions" });
  await expect(table).not.toHaveAttribute("aria-busy", "true");
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  const count = (await rows.count()) - 1;
  // Each row shows its review status, the one filtered by, with its processing status beside it.
  await expect(table.getByRole("cell", { name: /^reviewed/ })).toHaveCount(count);
  await expect(table.getByRole("cell", { name: /processing: processed$/ })).toHaveCount(count);
});
