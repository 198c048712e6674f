import { expect, messageRows, test, waitForRows } from "./fixtures";
import { allMatches, campaignItem, fixedWeek } from "./overview-helpers";

test("a campaign opens at a stable address listing exactly its messages, in the search's rows", async ({ page, simulator }) => {
  const { waveCampaigns: w } = await simulator.fixtures();
  const week = fixedWeek();
  await page.goto(`/messages?${week.query}`);
  await waitForRows(page);
  await campaignItem(page, w.edfHash).getByRole("link").click();

  await expect(page).toHaveURL((url) => url.pathname === `/campaigns/edf-${w.edfHash}` && url.searchParams.has("start") && url.searchParams.has("end"));
  await expect(page.getByRole("heading", { level: 1, name: /^Campaign: / })).toBeVisible();
  await expect(page.getByText(/Grouped by same detection fingerprint/)).toBeVisible();
  await waitForRows(page);
  const truth = (await allMatches(simulator, { detections_only: "false", start: new Date(week.start).toISOString(), end: new Date(week.end).toISOString() })).filter((m) => m.edf_hash === w.edfHash);
  const shownIds = async () => messageRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id")));
  await expect.poll(shownIds).toEqual(truth.map((m) => m.id));

  // The address is the campaign: a reload (or a teammate) gets the same list.
  const address = page.url();
  await page.reload();
  await waitForRows(page);
  expect(page.url()).toBe(address);
  await expect.poll(shownIds).toEqual(truth.map((m) => m.id));

  // The same keyboard as the search: j to the first row, Enter opens it.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/messages/${encodeURIComponent(truth[0]!.id)}`);
});
