import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { freshMessage, openMessage } from "./message-fixtures";

test.use({ storageState: STORAGE_STATE.analyst });

test("after a reclassify the message page links to the resulting submission in the queue", async ({ page }) => {
  const message = await freshMessage("delivered", 23);
  await openMessage(page, message.id);

  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: /^Reclassify/ }).click();
  const dialog = page.getByRole("dialog", { name: "Reclassify message" });
  await dialog.getByLabel("Expected disposition").selectOption("SPAM");
  await dialog.getByRole("button", { name: "Reclassify as SPAM" }).click();
  await expect(dialog).toHaveCount(0);

  const link = page.getByRole("region", { name: "Submissions" }).getByRole("link", { name: /^Team submission as SPAM \(unreviewed\)$/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/submissions\?submission_id=/);
  const table = page.getByRole("table", { name: "Submissions" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText(message.subject ?? "");
  await expect(table.getByRole("row").nth(1)).toContainText("SPAM");
});
