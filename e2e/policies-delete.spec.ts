import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { settingsTruth, type TruthEntry } from "./policies-fixtures";

test.use({ storageState: STORAGE_STATE.analyst });

test("an analyst deletes a block after confirming, and it is gone upstream", async ({ page }) => {
  // A seeded domain block no other journey uses.
  const pattern = "loan-approval-fast.invalid";
  expect(await settingsTruth<TruthEntry[]>(`/settings/block_senders?pattern=${pattern}`)).toHaveLength(1);

  await page.goto(`/policies?tab=blocked&search=${pattern}`);
  const table = page.getByRole("table", { name: "Blocked senders" });
  await expect(table.getByRole("row").filter({ hasText: pattern })).toHaveCount(1);

  await table.getByRole("button", { name: `Delete ${pattern}` }).click();
  const dialog = page.getByRole("dialog", { name: "Delete block" });
  await expect(dialog).toContainText(pattern);
  // Cancel leaves it alone.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect(await settingsTruth<TruthEntry[]>(`/settings/block_senders?pattern=${pattern}`)).toHaveLength(1);

  await table.getByRole("button", { name: `Delete ${pattern}` }).click();
  await page.getByRole("dialog", { name: "Delete block" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: pattern })).toHaveCount(0);
  await expect(table).toContainText("No blocked senders match.");
  expect(await settingsTruth<TruthEntry[]>(`/settings/block_senders?pattern=${pattern}`)).toHaveLength(0);
});
