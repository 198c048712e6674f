import { expect, expectRowsMatchSimulator, test, waitForRows } from "./fixtures";
import { WEEK_BUCKET, campaignItem, fixedWeek, overview } from "./overview-helpers";

test("dragging across the chart narrows the search to that time; the keyboard does the same", async ({ page, simulator }) => {
  const { waveCampaigns: w } = await simulator.fixtures();
  const week = fixedWeek();
  const chartStart = Math.floor(week.start / WEEK_BUCKET) * WEEK_BUCKET;
  const buckets = Math.ceil((week.end - chartStart) / WEEK_BUCKET);
  // The newest wave, as the chart's buckets cut it.
  const wave = w.waves[0]!;
  const first = Math.floor((Date.parse(wave.start) - chartStart) / WEEK_BUCKET);
  const last = Math.floor((Date.parse(wave.end) - chartStart) / WEEK_BUCKET);
  const narrowed = { start: new Date(chartStart + first * WEEK_BUCKET).toISOString(), end: new Date(chartStart + (last + 1) * WEEK_BUCKET).toISOString() };

  await page.goto(`/messages?${week.query}`);
  await waitForRows(page);
  const chart = overview(page).getByRole("group", { name: /Time chart/ });
  const svg = chart.locator("svg");
  await expect(svg.locator("rect").first()).toBeVisible();
  const box = (await svg.boundingBox())!;
  // From the left part of the wave's first bucket to the right part of its last (maybe the same one).
  const x = (bucket: number, at: number) => box.x + ((bucket + at) / buckets) * box.width;
  await page.mouse.move(x(first, 0.2), box.y + box.height - 4);
  await page.mouse.down();
  await page.mouse.move(x(last, 0.8), box.y + box.height / 2, { steps: 5 });
  await expect(overview(page).getByRole("status").filter({ hasText: /Enter or release to narrow/ })).toBeVisible();
  await page.mouse.up();

  await expect(page).toHaveURL((url) => url.searchParams.get("start") === narrowed.start && url.searchParams.get("end") === narrowed.end);
  await expectRowsMatchSimulator(page);
  // Narrowed to the wave: the campaign is that wave alone.
  await expect(campaignItem(page, w.edfHash)).toContainText(`${wave.count} messages`);
  await expect(campaignItem(page, w.edfHash)).toContainText("1 wave");

  // The keyboard equivalent, from the whole week again: Home, Right to the wave, Shift+Right over it, Enter.
  await page.goto(`/messages?${week.query}`);
  await waitForRows(page);
  await overview(page).getByRole("group", { name: /Time chart/ }).focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < first; i++) await page.keyboard.press("ArrowRight");
  for (let i = first; i < last; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(overview(page).getByRole("status").filter({ hasText: new RegExp(`: ${wave.count}|messages\\. Enter`) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => url.searchParams.get("start") === narrowed.start && url.searchParams.get("end") === narrowed.end);
  await expectRowsMatchSimulator(page);
});

test("clicking a segment's legend entry adds its filter; one the search cannot filter on is not a button", async ({ page }) => {
  const week = fixedWeek();
  await page.goto(`/messages?${week.query}`);
  await waitForRows(page);
  const legend = overview(page).getByRole("list", { name: "Disposition legend" });
  await legend.getByRole("button", { name: /^MALICIOUS \d/ }).click();
  await expect(page).toHaveURL(/[?&]final_disposition=MALICIOUS/);
  await expectRowsMatchSimulator(page);
  await overview(page).getByLabel("Stack by").selectOption("category");
  await expect(overview(page).getByRole("list", { name: "Threat category legend" }).getByRole("button")).toHaveCount(0);
});
