import { expect } from "@playwright/test";
import { contractTest } from "./contract-variance";
import { STORAGE_STATE } from "./env";
import { settingsTruth, type TruthEntry } from "./policies-fixtures";

// Blocked senders without `id` and lists whose `result_info` is partly or wholly absent: both
// allowed by Cloudflare's description. The page stays usable, and a block whose reply has no id is done.
const test = contractTest(["noEntryId", "partialResultInfo"]);
test.use({ storageState: STORAGE_STATE.analyst });

test("the blocked list shows entries sent without an id, pages without result_info, and a block answered without an id is done", async ({ page, variance }) => {
  expect(variance).toBeTruthy();
  await page.goto("/policies?tab=blocked&per_page=5");
  const table = page.getByRole("table", { name: "Blocked senders" });
  await expect(table.getByRole("row")).toHaveCount(6);
  // Shown, but nothing can address an entry without its id.
  const first = table.getByRole("row").nth(1);
  await expect(first.getByRole("button", { name: /^Delete / })).toBeDisabled();
  await expect(first.getByRole("button", { name: /^Delete / })).toHaveAttribute("title", /without its id/);
  // A full page may have a next one, whatever result_info said or left out.
  const pager = page.getByRole("navigation", { name: "Blocked senders pages" });
  await expect(pager.getByRole("button", { name: /Next/ })).toBeEnabled();
  await pager.getByRole("button", { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(table.getByRole("row").nth(1)).toBeVisible();

  await page.getByRole("button", { name: "Block a sender…" }).click();
  const dialog = page.getByRole("dialog", { name: "Block a sender" });
  await dialog.getByLabel("Pattern", { exact: true }).fill("no-id-reply@variance-journey.test");
  await dialog.getByRole("button", { name: "Block", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Blocked no-id-reply@variance-journey.test." })).toBeVisible();
  await expect(page.getByText("could not read")).toHaveCount(0);
  expect(await settingsTruth<TruthEntry[]>("/settings/block_senders?pattern=no-id-reply%40variance-journey.test")).toHaveLength(1);
});
