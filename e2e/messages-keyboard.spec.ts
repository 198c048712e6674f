import { expect, messageRows, resultsTable, shownIds, test, waitForRows } from "./fixtures";

test("keyboard triage: / j k x Enter ?, and the way back keeps the active row", async ({ page }) => {
  await page.goto("/messages?detections_only=false&per_page=25");
  await waitForRows(page);
  const ids = await shownIds(page);

  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeFocused();
  await page.getByRole("heading", { name: "Messages" }).click();

  await page.keyboard.press("j");
  const active = resultsTable(page).locator('tbody tr[aria-current="true"]');
  await expect(active).toHaveAttribute("data-row-id", ids[0] ?? "");
  await expect(active).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(active).toHaveAttribute("data-row-id", ids[2] ?? "");
  await page.keyboard.press("k");
  await expect(active).toHaveAttribute("data-row-id", ids[1] ?? "");

  await page.keyboard.press("x");
  await expect(messageRows(page).nth(1).getByRole("checkbox", { name: "Select message" })).toBeChecked();
  await expect(page.getByRole("region", { name: "Selection actions" })).toContainText("1 message selected");
  await page.keyboard.press("x");
  await expect(messageRows(page).nth(1).getByRole("checkbox", { name: "Select message" })).not.toBeChecked();

  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();

  await active.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(ids[1] ?? "")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "← Back to results" }).click();
  await expect(page).toHaveURL(/\/messages\?detections_only=false&per_page=25$/);
  // From the cache: the rows are there at once, with the same active row focused.
  await expect(resultsTable(page)).not.toHaveAttribute("aria-busy", "true");
  await expect(active).toHaveAttribute("data-row-id", ids[1] ?? "");
  await expect(active).toBeFocused();
  await page.keyboard.press("j");
  await expect(active).toHaveAttribute("data-row-id", ids[2] ?? "");
});
