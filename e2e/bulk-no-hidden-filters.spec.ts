import { expect, test } from "./fixtures";
import { bulkUpstream } from "./bulk-helpers";

test("a sender typed but not searched is never left out of a job: Create applies it first and creates nothing", async ({ page, simulator }) => {
  test.setTimeout(60_000);
  await simulator.reset();
  await simulator.clearCalls();
  const { campaignSender } = await simulator.fixtures();
  const before = (await bulkUpstream.list()).length;

  await page.goto("/bulk/new");
  const filters = page.getByRole("search", { name: "Message filters" });
  const form = page.getByRole("form", { name: "Bulk job" });
  await expect(page.getByRole("table", { name: "Dry run matches" })).not.toHaveAttribute("aria-busy", "true");
  await filters.getByRole("textbox", { name: "Sender", exact: true }).fill(campaignSender);
  await form.getByRole("combobox", { name: "Destination" }).selectOption("JunkEmail");
  await form.getByRole("button", { name: "Create job" }).click();

  // Refused, naming the field; the search now carries it and the dry run follows.
  await expect(form.getByRole("alert")).toContainText("Not created: Sender was changed without pressing Search");
  await expect(page).toHaveURL((url) => url.searchParams.get("sender") === campaignSender);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  // No job was asked for, let alone one with empty search_params.
  expect((await simulator.calls()).filter((c) => c.method === "POST" && c.path.includes("/bulk"))).toEqual([]);
  expect((await bulkUpstream.list()).length).toBe(before);

  // Pressed again, the confirmation lists the exact search the job sends, and the job has it.
  await expect(page.getByRole("table", { name: "Dry run matches" }).locator("tbody tr[data-row-id]").first()).toBeVisible();
  await form.getByRole("button", { name: "Create job" }).click();
  const confirm = page.getByRole("dialog", { name: "Create this bulk job?" });
  const params = confirm.getByRole("term");
  await expect(params).toHaveText(["Sender"]);
  await expect(confirm.getByRole("definition")).toHaveText([campaignSender]);
  await confirm.getByRole("button", { name: "Create job" }).click();
  await expect(page).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  const jobId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const job = await bulkUpstream.get(jobId);
  expect(job.search_params?.sender).toBe(campaignSender);
  await bulkUpstream.cancel(jobId).catch(() => undefined);
  await simulator.reset();
});
