import { expect, expectRowsMatchSimulator, shownIds, test, waitForRows } from "./fixtures";

test("page forward and back with cursors, and back/forward in the browser", async ({ page }) => {
  await page.goto("/messages?detections_only=false");
  await waitForRows(page);
  await page.getByLabel("Page size").selectOption("25");
  await expect(page).toHaveURL(/per_page=25/);
  await expectRowsMatchSimulator(page);
  const first = await shownIds(page);
  expect(first).toHaveLength(25);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination.getByRole("button", { name: "← Previous" })).toBeDisabled();
  await expect(pagination).toContainText("Page 1");
  await expect(page.getByText(/of \d+|total/i)).toHaveCount(0);

  await pagination.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(pagination).toContainText("Page 2");
  const query = await expectRowsMatchSimulator(page);
  expect(query.get("cursor")).toBeTruthy();
  const second = await shownIds(page);
  expect(second).toHaveLength(25);
  expect(second.filter((id) => first.includes(id))).toEqual([]);

  await pagination.getByRole("button", { name: "Next →" }).click();
  await expect(pagination).toContainText("Page 3");
  await expect(page).toHaveURL(/[?&]prev=/);
  await expectRowsMatchSimulator(page);
  const third = await shownIds(page);

  await pagination.getByRole("button", { name: "← Previous" }).click();
  await expect(pagination).toContainText("Page 2");
  await waitForRows(page);
  await expect.poll(() => shownIds(page)).toEqual(second);

  await pagination.getByRole("button", { name: "← Previous" }).click();
  await expect(pagination).toContainText("Page 1");
  await expect(page).not.toHaveURL(/cursor=/);
  await expect.poll(() => shownIds(page)).toEqual(first);

  // The browser's own history walks the same pages.
  await page.goBack();
  await expect(pagination).toContainText("Page 2");
  await expect.poll(() => shownIds(page)).toEqual(second);
  await page.goForward();
  await expect(pagination).toContainText("Page 1");
  await page.goto(page.url());
  await waitForRows(page);
  await expect.poll(() => shownIds(page)).toEqual(first);
  expect(third).not.toEqual(first);
});
