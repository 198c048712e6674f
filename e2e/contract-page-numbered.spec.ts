import { expect } from "@playwright/test";
import { contractTest } from "./contract-variance";
import { shownIds, waitForRows } from "./fixtures";

const test = contractTest(["pageNumbered"]);

test("a page-numbered search (no cursor, a page number) pages on with page=N+1 and back", async ({ page, variance }) => {
  expect(variance).toBeTruthy();
  await page.goto("/messages?detections_only=false&per_page=25");
  await waitForRows(page);
  const first = await shownIds(page);
  expect(first).toHaveLength(25);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText("Page 1");

  await pagination.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(pagination).toContainText("Page 2");
  await waitForRows(page);
  await expect.poll(async () => (await shownIds(page)).filter((id) => first.includes(id))).toEqual([]);
  const second = await shownIds(page);

  await pagination.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/[?&]page=3(&|$)/);
  await expect(pagination).toContainText("Page 3");
  await waitForRows(page);

  await pagination.getByRole("button", { name: "← Previous" }).click();
  await expect(pagination).toContainText("Page 2");
  await expect.poll(() => shownIds(page)).toEqual(second);
  await pagination.getByRole("button", { name: "← Previous" }).click();
  await expect(pagination).toContainText("Page 1");
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect.poll(() => shownIds(page)).toEqual(first);
});
