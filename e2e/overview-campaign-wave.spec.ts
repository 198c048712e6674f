import { expect, test, waitForRows } from "./fixtures";
import { allMatches, campaignItem, overview } from "./overview-helpers";

test("the search opens with an overview that shows the campaign arriving in waves, and folds with o", async ({ page, simulator }) => {
  const { waveCampaigns: w } = await simulator.fixtures();
  await page.goto("/messages");
  await waitForRows(page);
  const region = overview(page);
  const covers = region.getByRole("status").filter({ hasText: /^Covers all [\d,]+ messages/ });
  await expect(covers).toBeVisible();
  // The list says how many the search matches, from the overview's count, not only "50 on this page".
  const total = /Covers all ([\d,]+) messages/.exec((await covers.textContent()) ?? "")?.[1];
  await expect(page.getByRole("status").filter({ hasText: `50 messages on this page · ${total} in all` })).toBeVisible();
  await expect(region.getByRole("group", { name: /Time chart: disposition per 6 hours/ })).toBeVisible();

  // The wave campaign: one fingerprint, three waves, several sending domains, some still delivered.
  const truth = (await allMatches(simulator, { detections_only: "false", start: new Date(Date.now() - 7 * 86_400_000).toISOString() })).filter((m) => m.edf_hash === w.edfHash);
  const delivered = truth.filter((m) => m.delivery_status?.includes("delivered")).length;
  expect(truth).toHaveLength(w.size);
  const item = campaignItem(page, w.edfHash);
  await expect(item).toContainText(`${w.size} messages`);
  await expect(item).toContainText("3 waves");
  await expect(item).toContainText(`⚠ ${delivered} still delivered`);
  for (const domain of new Set(truth.map((m) => m.from?.split("@")[1] ?? ""))) await expect(item).toContainText(domain);

  // The numbers behind the chart are a table, there for screen readers and shown on demand.
  await region.getByRole("button", { name: "Show the numbers" }).click();
  await expect(region.getByRole("table", { name: "Disposition per 6 hours" })).toBeVisible();

  // Stacked by another breakdown: in the URL, and the chart says so.
  await region.getByLabel("Stack by").selectOption("delivery");
  await expect(page).toHaveURL(/[?&]breakdown=delivery/);
  await expect(region.getByRole("group", { name: /Time chart: delivery status per 6 hours/ })).toBeVisible();

  // One key folds it, the URL remembers, a reload keeps it folded, the key unfolds it.
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("o");
  await expect(page).toHaveURL(/[?&]overview=hidden/);
  await expect(region.getByRole("group", { name: /Time chart/ })).toHaveCount(0);
  await page.reload();
  await waitForRows(page);
  await expect(overview(page).getByRole("button", { name: /Show overview/ })).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("o");
  await expect(page).not.toHaveURL(/overview=hidden/);
  await expect(overview(page).getByRole("group", { name: /Time chart: delivery status/ })).toBeVisible();
});
