import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bulkUpstream } from "./bulk-helpers";

/** The console's poll interval for bulk jobs (lib/queries/bulk-jobs.ts BULK_POLL_MS). */
const POLL_MS = 2_000;

function countListRequests(page: Page): { count: () => number } {
  let n = 0;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.method() === "GET" && url.pathname === "/api/email-security/investigate/bulk") n++;
  });
  return { count: () => n };
}

test("the dashboard refreshes while a job runs and stops polling when none is active", async ({ page }) => {
  test.setTimeout(60_000);
  // Other journeys share the simulator: stop any job they left running, then start one that runs
  // for a few seconds (~130 messages at 25/s), so polling can be seen before it stops.
  await bulkUpstream.cancelActive();
  const comment = `e2e polling ${Date.now()}`;
  const job = await bulkUpstream.create({
    action: "RELEASE",
    // Delivered clean mail is not quarantined: every row is SKIPPED, no message changes.
    search_params: { delivery_status: "delivered", final_disposition: "SPAM" },
    comment,
  });

  const requests = countListRequests(page);
  await page.goto("/bulk");
  const row = page.getByRole("table", { name: "Bulk jobs" }).getByRole("row").filter({ hasText: comment });
  await expect(row).toBeVisible();
  const status = page.getByRole("status").filter({ hasText: /jobs? on this page/ });

  // While the job runs the page asks again on its own (more than the first load).
  await expect(status).toContainText("a job is running");
  await expect.poll(() => requests.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  // Wait for the condition, not a time: the listed job finished and the page says it stopped.
  await expect(row.getByText(/^(COMPLETED|FAILED|CANCELLED)$/)).toBeVisible({ timeout: 30_000 });
  await expect(status).toContainText("no job running: not refreshing");
  expect((await bulkUpstream.get(job.job_id)).status).toMatch(/^(COMPLETED|FAILED|CANCELLED)$/);

  // Measurement window: proving that nothing happens needs a span of time, so this is the one
  // fixed wait — three poll intervals, in which a still-polling page would ask at least twice.
  const before = requests.count();
  await page.waitForTimeout(3 * POLL_MS);
  expect(requests.count()).toBe(before);
});
