import { expect, test, type SimulatorCall } from "./fixtures";

// The bulk form says how many messages its search matches before anything is created, and its
// create button names the action and that count.

const searchCalls = (calls: SimulatorCall[], perPage: string) =>
  calls.filter((c) => c.method === "GET" && /\/investigate\/?$/.test(c.path) && c.query.per_page === perPage);

test("the bulk form counts the dry run's own search and names the count on the create button", async ({ page, simulator }) => {
  await simulator.clearCalls();
  const { campaignSender } = await simulator.fixtures();
  await page.goto(`/bulk/new?sender=${encodeURIComponent(campaignSender)}&range=30d`);
  const status = page.getByRole("status", { name: "Messages matched" });
  await expect(status).toHaveText(/^This search matches \d+ messages now\.$/, { timeout: 30_000 });

  // Counted on the server by paging the very window the dry run was fetched with.
  const calls = await simulator.calls();
  const [dryRun] = searchCalls(calls, "20");
  const [counting] = searchCalls(calls, "1000");
  expect(counting?.query).toMatchObject({ sender: campaignSender, start: dryRun?.query.start, end: dryRun?.query.end });
  const truth = await simulator.search(counting!.query as Record<string, string>);
  expect(truth.result_info.next ?? null).toBeNull();
  const n = truth.result.length;
  expect(n).toBeGreaterThan(0);
  await expect(status).toHaveText(`This search matches ${n} messages now.`);

  const form = page.getByRole("form", { name: "Bulk job" });
  await form.getByRole("combobox", { name: "Destination" }).selectOption("JunkEmail");
  await expect(form.getByRole("button", { name: `Create job: move ${n} to Junk`, exact: true })).toBeVisible();
  await form.getByRole("radio", { name: "Release" }).check();
  await expect(form.getByRole("button", { name: `Create job: release ${n}`, exact: true })).toBeVisible();
});
