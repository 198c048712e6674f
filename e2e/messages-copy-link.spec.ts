import { STORAGE_STATE } from "./env";
import { expect, shownIds, test, waitForRows } from "./fixtures";

test("a copied link freezes the range and opens the same rows in a fresh browser", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/messages?range=24h&detections_only=false&per_page=25");
  await waitForRows(page);
  const ids = await shownIds(page);
  expect(ids.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const shown = await page.getByRole("textbox", { name: "Link to this view" }).inputValue();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);

  const url = new URL(copied);
  expect(url.pathname).toBe("/messages");
  expect(url.searchParams.has("range")).toBe(false);
  const start = Date.parse(url.searchParams.get("start") ?? "");
  const end = Date.parse(url.searchParams.get("end") ?? "");
  expect(end - start).toBe(24 * 3_600_000);
  expect(url.searchParams.get("detections_only")).toBe("false");
  expect(url.searchParams.get("per_page")).toBe("25");

  const teammate = await browser.newContext({ storageState: STORAGE_STATE.admin });
  try {
    const other = await teammate.newPage();
    await other.goto(copied);
    await waitForRows(other);
    await expect(other.getByRole("combobox", { name: "Date range", exact: true })).toHaveValue("custom");
    expect(await shownIds(other)).toEqual(ids);
  } finally {
    await teammate.close();
  }
});
