import { expect, test } from "./fixtures";
import { decide, sentForApprovalId, signInAs } from "./approvals-helpers";
import { progressCounts } from "./bulk-helpers";

test("start a long move job and cancel it while it runs", async ({ page, browser, simulator }) => {
  test.setTimeout(90_000);
  await simulator.reset();
  const comment = `e2e cancel ${Date.now()}`;

  // Every delivered message, clean mail included: thousands, so ~2 minutes of processing at the
  // simulator's 25 messages/s — long enough to cancel mid-run.
  await page.goto("/bulk/new?delivery_status=delivered&detections_only=false");
  await expect(page.getByRole("status").filter({ hasText: "more match" })).toBeVisible();
  const form = page.getByRole("form", { name: "Bulk job" });
  await form.getByRole("combobox", { name: "Destination" }).selectOption("DeletedItems");
  await form.getByRole("textbox", { name: "Comment (optional)" }).fill(comment);
  await form.getByRole("button", { name: "Create job" }).click();
  const confirm = page.getByRole("dialog", { name: "Create this bulk job?" });
  await expect(confirm).toContainText("delivered");
  await confirm.getByRole("button", { name: "Create job" }).click();
  // Thousands of messages is past BULK_APPROVAL_THRESHOLD: a second admin approves it first.
  const requestId = await sentForApprovalId(page);
  const approver = await signInAs(browser);
  const approved = await decide(approver.page, requestId, "approve", "e2e: a long job to cancel");
  await approver.context.close();
  expect(approved.status).toBe(200);
  await page.goto(`/bulk/${approved.json.result.job_id as string}`);

  const summary = page.getByRole("region", { name: "Job summary" });
  const bar = summary.getByRole("progressbar", { name: "Job progress" });
  await expect(summary.getByText("PROCESSING", { exact: true })).toBeVisible({ timeout: 15_000 });
  // Some messages done, many still pending: it is running.
  await expect.poll(async () => (await progressCounts(bar))?.done ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  expect((await progressCounts(bar))?.pending ?? 0).toBeGreaterThan(100);

  // Slow the cancel down so the in-flight state can be seen.
  await simulator.setFaults([{ match: "/cancel", method: "POST", latencyMs: 1_500 }]);
  await summary.getByRole("button", { name: "Cancel job" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this job?" });
  await expect(dialog).toContainText("not yet processed will not be touched");
  await dialog.getByRole("button", { name: "Cancel job" }).click();
  await expect(dialog.getByRole("button", { name: "Cancelling…" })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Keep running" })).toBeDisabled();
  await expect(dialog).toBeHidden({ timeout: 10_000 });

  await expect(summary.getByRole("heading", { level: 1 }).getByText("CANCELLED", { exact: true })).toBeVisible();
  await expect(summary).toContainText("Status message: Cancelled by request");
  await expect(summary.getByRole("status")).toHaveText("Finished: not refreshing.");
  const counts = await progressCounts(bar);
  expect(counts).not.toBeNull();
  if (!counts) return;
  expect(counts.pending).toBe(0);
  expect(counts.cancelled).toBeGreaterThan(100);
  expect(counts.successful + counts.failed + counts.skipped + counts.cancelled).toBe(counts.discovered);
  // Cancel is only offered while running; a finished job offers Delete.
  await expect(summary.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
  await expect(summary.getByRole("button", { name: "Delete job" })).toBeEnabled();

  const table = page.getByRole("table", { name: "Job messages" });
  await page.getByRole("combobox", { name: "Message status" }).selectOption("CANCELLED");
  await expect(table.locator("tbody tr[data-row-id]")).toHaveCount(50);
  await expect(table.getByText("Job was cancelled before this message was processed").first()).toBeVisible();
  await page.getByRole("navigation", { name: "Job message pages" }).getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/status=CANCELLED&page=2/);
  await expect(page.getByRole("navigation", { name: "Job message pages" })).toContainText("Page 2");
  await expect(table.locator("tbody tr[data-row-id]").first()).toBeVisible();

  await simulator.reset();
});
