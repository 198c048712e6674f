import { collectDialogs } from "./message-fixtures";
import { expect, messageRows, test, waitForRows } from "./fixtures";

test("a hostile subject and sender name render as inert text", async ({ page, simulator }) => {
  const dialogs = collectDialogs(page);
  const { hostileId } = await simulator.fixtures();
  const truth = await simulator.search({ sender: "it-support@evil-markup.invalid", detections_only: "false" });
  const hostile = truth.result.find((m) => m.id === hostileId);
  expect(hostile?.subject).toContain("<img src=x onerror=alert(1)>");

  await page.goto("/messages?sender=it-support%40evil-markup.invalid&detections_only=false");
  await waitForRows(page);
  const row = messageRows(page).and(page.locator(`[data-row-id="${hostileId}"]`));
  await expect(row).toContainText("<img src=x onerror=alert(1)>");
  await expect(row).toContainText("<script>alert(1)</script>");
  // A right-to-left override cannot disguise the text: it is shown as a marker.
  await expect(row).toContainText("⟨RLO⟩");
  await expect(page.locator("img[src='x'], tbody script")).toHaveCount(0);

  await row.click();
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(hostileId)}$`));
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("<img src=x onerror=alert(1)>");
  // The header reveals hidden characters exactly as the list does (one function for both).
  await expect(heading).toContainText("Invoice ⟨RLO⟩gpj.exe overdue ⟨ZWSP⟩⟨ZWJ⟩");
  await expect(page.locator("main header").getByText("IT⟨ZWSP⟩ Support ⟨RLO⟩eciovni")).toBeVisible();
  // The Overview's sender name too, not only the header (e2e/hostile-text-everywhere.spec.ts walks every page).
  await expect(page.getByRole("tabpanel", { name: "Overview" }).getByText("IT⟨ZWSP⟩ Support ⟨RLO⟩eciovni")).toBeVisible();
  await expect(page.locator("main img, main script")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
