import { expect, messageRows, shownIds, test, waitForRows, type SimulatorCall } from "./fixtures";
import { tab } from "./message-fixtures";

// What reaches Cloudflare while an analyst reviews messages: the budget is at most two
// reads per message reviewed (open it, see its verdict and detections, go to the next).
const reads = (calls: SimulatorCall[]) => calls.filter((c) => c.method === "GET" && c.path.includes("/email-security/"));
const of = (id: string, calls: SimulatorCall[], rest = "") =>
  reads(calls).filter((c) => decodeURIComponent(c.path).endsWith(`/investigate/${id}${rest}`));

test("reviewing from the list: the message comes from the list, the next one's detections are read ahead, and j reads only the one after", async ({ page, simulator }) => {
  await page.goto("/messages?detections_only=false&per_page=25");
  await waitForRows(page);
  const ids = await shownIds(page);
  expect(ids.length).toBeGreaterThan(4);
  const [, first, second, third] = ids as [string, string, string, string];

  await simulator.clearCalls();
  await messageRows(page).nth(1).locator('a[href^="/messages/"]').click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("tabpanel")).toBeVisible();
  // This one's detections, and the next one's, read ahead while the analyst reads this one.
  await expect.poll(async () => of(second, await simulator.calls(), "/detections").length).toBe(1);
  const opened = await simulator.calls();
  expect(of(first, opened)).toHaveLength(0);
  expect(of(first, opened, "/detections")).toHaveLength(1);
  expect(reads(opened).filter((c) => /\/submissions/.test(c.path))).toHaveLength(0);

  await simulator.clearCalls();
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(second)}$`));
  await expect(page.getByRole("tabpanel")).toBeVisible();
  await expect.poll(async () => of(third, await simulator.calls(), "/detections").length).toBe(1);
  const walked = await simulator.calls();
  // The message and its detections were in the cache: j read only the next one's detections.
  expect(reads(walked).map((c) => decodeURIComponent(c.path).replace(/^.*\/email-security\//, ""))).toEqual([`investigate/${third}/detections`]);

  // The Preview tab reads the preview, not the message again.
  await simulator.clearCalls();
  await tab(page, "Preview").click();
  await expect(page.getByRole("tabpanel")).toBeVisible();
  await expect.poll(async () => of(second, await simulator.calls(), "/preview").length).toBe(1);
  expect(of(second, await simulator.calls())).toHaveLength(0);
});

test("submissions are looked up when asked, not on every open", async ({ page, simulator }) => {
  await page.goto("/messages?detections_only=false&per_page=25");
  await waitForRows(page);
  await simulator.clearCalls();
  await messageRows(page).first().locator('a[href^="/messages/"]').click();
  const region = page.getByRole("region", { name: "Submissions" });
  await expect(region.getByRole("button", { name: "Look up submissions" })).toBeVisible();
  expect(reads(await simulator.calls()).filter((c) => /\/submissions/.test(c.path))).toHaveLength(0);

  await region.getByRole("button", { name: "Look up submissions" }).click();
  await expect(region.getByRole("button", { name: "Look up submissions" })).toHaveCount(0);
  await expect.poll(async () => reads(await simulator.calls()).filter((c) => /\/submissions/.test(c.path)).length).toBe(1);
});
