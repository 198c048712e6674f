import { expect, test } from "./fixtures";

const DRY_RUN_SIZE = "20";

async function dryRunIds(page: import("@playwright/test").Page): Promise<string[]> {
  const table = page.getByRole("table", { name: "Dry run matches" });
  await expect(table).not.toHaveAttribute("aria-busy", "true");
  return table.locator("tbody tr[data-row-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id") ?? ""));
}

test("the dry run lists the first messages the search matches, and says whether more match", async ({ page, simulator }) => {
  // A large search: the first page, and "more".
  await page.goto("/bulk/new?final_disposition=SPAM");
  const truth = await simulator.search({ final_disposition: "SPAM", per_page: DRY_RUN_SIZE });
  expect(truth.result_info.next).toBeTruthy();
  await expect.poll(() => dryRunIds(page)).toEqual(truth.result.map((m) => m.id));
  await expect(page.getByRole("status").filter({ hasText: `The first ${DRY_RUN_SIZE} messages this search matches; more match` })).toBeVisible();
  // The console asked with the same search and the dry run's page size.
  // (The form's count pages the same search too, with its own page size: the dry run's is the one of 20.)
  const asked = (await simulator.calls()).filter((c) => c.method === "GET" && /\/investigate\/?$/.test(c.path) && c.query.per_page === DRY_RUN_SIZE).pop();
  expect(asked?.query.final_disposition).toBe("SPAM");

  // Changing a filter in the shared controls re-runs it, and the URL follows.
  const { campaignSender } = await simulator.fixtures();
  const filters = page.getByRole("search", { name: "Message filters" });
  await filters.getByRole("combobox", { name: "Disposition" }).selectOption("");
  await filters.getByRole("textbox", { name: "Sender", exact: true }).fill(campaignSender);
  await filters.getByRole("button", { name: "Search" }).click();
  // The search only: no disposition left behind, paging or sort dropped.
  await expect(page).toHaveURL((url) => url.pathname === "/bulk/new" && [...url.searchParams.keys()].join() === "sender" && url.searchParams.get("sender") === campaignSender);
  const campaign = await simulator.search({ sender: campaignSender, per_page: DRY_RUN_SIZE });
  await expect.poll(() => dryRunIds(page)).toEqual(campaign.result.map((m) => m.id));

  // A small search: all of it, and no "more".
  const { hostileId } = await simulator.fixtures();
  await page.goto(`/bulk/new?query=${encodeURIComponent(hostileId)}&detections_only=false`);
  const one = await simulator.search({ query: hostileId, detections_only: "false", per_page: DRY_RUN_SIZE });
  expect(one.result_info.next ?? null).toBeNull();
  expect(one.result.length).toBeGreaterThan(0);
  await expect.poll(() => dryRunIds(page)).toEqual(one.result.map((m) => m.id));
  await expect(page.getByRole("status").filter({ hasText: `All ${one.result.length} message` })).toBeVisible();

  // A search that matches nothing says the job would do nothing.
  await page.goto("/bulk/new?query=no-such-term-e2e-dry-run");
  await expect(page.getByRole("status").filter({ hasText: "No messages match this search: the job would do nothing." })).toBeVisible();
});
