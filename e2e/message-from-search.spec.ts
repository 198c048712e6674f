import { expect, messageRows, shownIds, test, waitForRows } from "./fixtures";
import { tab } from "./message-fixtures";

test("opened from a search: previous/next walk the results, keep the tab, and Esc returns to the list", async ({ page }) => {
  await page.goto("/messages?detections_only=false&per_page=25");
  await waitForRows(page);
  const ids = await shownIds(page);
  expect(ids.length).toBeGreaterThan(3);

  await messageRows(page).nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(ids[1] ?? "")}$`));
  const nav = page.getByRole("navigation", { name: "Message navigation" });
  await expect(nav).toContainText(`2 of ${ids.length}`);

  await page.keyboard.press("2");
  await expect(tab(page, "Detections")).toHaveAttribute("aria-selected", "true");
  await nav.getByRole("link", { name: "Next message →" }).click();
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(ids[2] ?? "")}\\?tab=detections$`));
  await expect(nav).toContainText(`3 of ${ids.length}`);
  await expect(tab(page, "Detections")).toHaveAttribute("aria-selected", "true");

  await nav.getByRole("link", { name: "← Previous message" }).click();
  await expect(nav).toContainText(`2 of ${ids.length}`);
  await nav.getByRole("link", { name: "← Previous message" }).click();
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(ids[0] ?? "")}\\?tab=detections$`));
  await expect(nav).toContainText(`1 of ${ids.length}`);
  await expect(nav.getByRole("link", { name: "← Previous message" })).toHaveCount(0);

  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/messages\?detections_only=false&per_page=25$/);
  await waitForRows(page);
  // The list puts the keyboard back on the message the analyst was last on.
  await expect(page.locator(`tr[data-row-id="${ids[0]}"]`)).toBeFocused();
});
