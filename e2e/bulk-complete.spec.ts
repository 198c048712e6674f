import { expect, test, waitForRows } from "./fixtures";
import { countMatches, progressCounts } from "./bulk-helpers";

test("create a move job from a search, watch it complete with counters that add up, and see its messages", async ({ page, simulator }) => {
  test.setTimeout(90_000);
  await simulator.reset();
  const { campaignSender } = await simulator.fixtures();
  const comment = `e2e complete ${Date.now()}`;

  await page.goto(`/messages?sender=${encodeURIComponent(campaignSender)}`);
  await waitForRows(page);
  await page.getByRole("link", { name: "Bulk action on all results" }).click();

  await expect(page).toHaveURL(/\/bulk\/new\?/);
  // The search page's window (a bare search is the last 7 days) comes along frozen as start/end.
  const formUrl = new URL(page.url()).searchParams;
  const searchWindow = { start: formUrl.get("start") ?? "", end: formUrl.get("end") ?? "" };
  expect(Date.parse(searchWindow.end) - Date.parse(searchWindow.start)).toBe(7 * 24 * 3_600_000);
  await expect(page.getByRole("heading", { name: "New bulk job" })).toBeVisible();
  // The form opened with the search page's filters, in the same filter controls.
  const filters = page.getByRole("search", { name: "Message filters" });
  await expect(filters.getByRole("textbox", { name: "Sender", exact: true })).toHaveValue(campaignSender);
  await expect(page.getByRole("table", { name: "Dry run matches" }).locator("tbody tr[data-row-id]").first()).toBeVisible();

  const form = page.getByRole("form", { name: "Bulk job" });
  await form.getByRole("radio", { name: "Move" }).check();
  await form.getByRole("combobox", { name: "Destination" }).selectOption("JunkEmail");
  await form.getByRole("textbox", { name: "Comment (optional)" }).fill(comment);
  await form.getByRole("button", { name: "Create job" }).click();
  // The confirmation states, in words, the search the job will send.
  const confirm = page.getByRole("dialog", { name: "Create this bulk job?" });
  await expect(confirm.getByRole("definition").filter({ hasText: campaignSender })).toBeVisible();
  await confirm.getByRole("button", { name: "Create job" }).click();

  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  const summary = page.getByRole("region", { name: "Job summary" });
  await expect(summary.getByRole("heading", { level: 1 })).toContainText("Move to JunkEmail");
  await expect(summary).toContainText(comment);
  // The job's search, and a link to the same search on the search page.
  await expect(summary.getByLabel("Search parameters")).toContainText(campaignSender);
  const searchLink = summary.getByRole("link", { name: "Open this search" });
  expect(new URL((await searchLink.getAttribute("href")) ?? "", page.url()).searchParams.get("sender")).toBe(campaignSender);

  // Live progress: the page refreshes itself until the job is COMPLETED (~25 messages/s).
  await expect(summary.getByRole("heading", { level: 1 }).getByText("COMPLETED", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(summary.getByRole("status")).toHaveText("Finished: not refreshing.");
  const counts = await progressCounts(summary.getByRole("progressbar", { name: "Job progress" }));
  expect(counts).not.toBeNull();
  if (!counts) return;
  expect(counts.pending).toBe(0);
  expect(counts.successful + counts.failed + counts.skipped + counts.cancelled).toBe(counts.discovered);
  expect(counts.done).toBe(counts.discovered);
  expect(counts.discovered).toBe(await countMatches({ sender: campaignSender, ...searchWindow }));
  expect(counts.successful).toBeGreaterThan(0);
  const timeline = summary.getByLabel("Timeline");
  await expect(timeline.locator("time")).toHaveCount(3);

  // The job's messages: every row has an outcome; the status filter narrows them.
  const table = page.getByRole("table", { name: "Job messages" });
  await expect(table.locator("tbody tr[data-row-id]").first()).toBeVisible();
  await expect(table.getByText("PENDING", { exact: true })).toHaveCount(0);
  await page.getByRole("combobox", { name: "Message status" }).selectOption("COMPLETED");
  await expect(page).toHaveURL(/status=COMPLETED/);
  await expect(table.locator("tbody tr[data-row-id]")).toHaveCount(Math.min(counts.successful, 50));
  const statuses = await table.locator("tbody tr[data-row-id] td:nth-child(3)").allInnerTexts();
  expect(new Set(statuses)).toEqual(new Set(["COMPLETED"]));

  // A row's link opens that message; the message now says it was moved.
  const link = table.locator("tbody tr[data-row-id]").first().getByRole("link").first();
  const id = (await link.textContent()) ?? "";
  expect(await link.getAttribute("href")).toBe(`/messages/${encodeURIComponent(id)}`);
  const truth = await simulator.search({ sender: campaignSender, delivery_status: "moved", per_page: "1000" });
  expect(truth.result.map((m) => m.id)).toContain(id);

  // The dashboard lists it, finished, with the same counters.
  await page.goto("/bulk");
  const row = page.getByRole("table", { name: "Bulk jobs" }).getByRole("row").filter({ hasText: comment });
  await expect(row.getByText("COMPLETED", { exact: true })).toBeVisible();
  expect(await progressCounts(row.getByRole("progressbar"))).toEqual(counts);
  await simulator.reset();
});
