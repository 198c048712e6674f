import { expect, expectRowsMatchSimulator, messageRows, test } from "./fixtures";

test("filter by disposition and date range: the URL and the rows follow the simulator", async ({ page, simulator }) => {
  await page.goto("/messages");
  await expectRowsMatchSimulator(page);

  await page.getByRole("combobox", { name: "Disposition", exact: true }).selectOption("MALICIOUS");
  await expect(page).toHaveURL(/[?&]final_disposition=MALICIOUS(&|$)/);
  await page.getByRole("combobox", { name: "Date range", exact: true }).selectOption("7d");
  await expect(page).toHaveURL(/[?&]range=7d(&|$)/);
  await expect(page).toHaveURL(/final_disposition=MALICIOUS/);

  const query = await expectRowsMatchSimulator(page);
  // The relative range reached the API as an absolute, 7-day window.
  expect(query.get("final_disposition")).toBe("MALICIOUS");
  const start = Date.parse(query.get("start") ?? "");
  const end = Date.parse(query.get("end") ?? "");
  expect(end - start).toBe(7 * 24 * 3_600_000);
  expect(Math.abs(Date.now() - end)).toBeLessThan(5 * 60_000);
  const dispositions = await messageRows(page).locator("td:nth-child(6)").allInnerTexts();
  expect(dispositions.length).toBeGreaterThan(0);
  for (const d of dispositions) expect(d.trim()).toBe("MALICIOUS");

  // A custom window: the form writes absolute start/end into the URL.
  await page.getByRole("combobox", { name: "Date range", exact: true }).selectOption("custom");
  const startAt = new Date(Date.now() - 3 * 24 * 3_600_000);
  // The field is in the browser's zone (not this process's: the journeys run in another zone).
  const local = await page.evaluate((ms) => {
    const d = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, startAt.getTime());
  await page.getByLabel("Start", { exact: true }).fill(local);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]start=/);
  await expect(page).not.toHaveURL(/[?&]range=/);
  const customQuery = await expectRowsMatchSimulator(page);
  expect(Date.parse(customQuery.get("start") ?? "")).toBe(Math.floor(startAt.getTime() / 60_000) * 60_000);
  expect(customQuery.get("final_disposition")).toBe("MALICIOUS");
  await simulator.clearCalls();
});
