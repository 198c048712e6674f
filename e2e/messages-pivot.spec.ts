import { expect, expectRowsMatchSimulator, messageRows, test } from "./fixtures";

test("pivots add a sender, domain or same-campaign filter", async ({ page, simulator }) => {
  const { campaignSender, campaignSubject, campaignEdfHash } = await simulator.fixtures();
  const truth = await simulator.search({ sender: campaignSender, detections_only: "false" });
  const member = truth.result.find((m) => m.edf_hash === campaignEdfHash);
  expect(member, "the simulator holds a campaign message from the campaign sender").toBeTruthy();

  await page.goto(`/messages?domain=${encodeURIComponent(campaignSender.split("@")[1] ?? "")}&detections_only=false`);
  await expectRowsMatchSimulator(page);
  const row = messageRows(page).and(page.locator(`[data-row-id="${member?.id}"]`));

  await row.getByRole("button", { name: `Filter by sender ${campaignSender}` }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]sender=${encodeURIComponent(campaignSender)}(&|$)`));
  await expect(page).not.toHaveURL(/[?&]domain=/);
  await expectRowsMatchSimulator(page);

  // The secondary pivots show on the row the pointer (or focus) is on.
  await row.hover();
  await expect(row.getByRole("button", { name: "Show same campaign" })).toHaveCSS("opacity", "1");
  await row.getByRole("button", { name: "Show same campaign" }).click();
  const domain = campaignSender.split("@")[1] ?? "";
  await expect(page).toHaveURL(/[?&]subject=/);
  const params = new URL(page.url()).searchParams;
  expect(params.get("subject")).toBe(campaignSubject);
  expect(params.get("domain")).toBe(domain);
  expect(params.has("sender")).toBe(false);
  const query = await expectRowsMatchSimulator(page);
  // Every message the pivot finds belongs to the campaign (same edf_hash).
  const found = (await simulator.search(query)).result;
  expect(found.length).toBeGreaterThan(5);
  for (const m of found) expect(m.edf_hash).toBe(campaignEdfHash);
});
