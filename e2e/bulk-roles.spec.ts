import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { bulkUpstream } from "./bulk-helpers";

test.use({ storageState: STORAGE_STATE.viewer });

test("a viewer sees bulk jobs but cannot create, cancel or delete them, and is told why", async ({ page }) => {
  const comment = `e2e viewer ${Date.now()}`;
  const job = await bulkUpstream.create({ action: "RELEASE", search_params: { query: "no-such-term-e2e-viewer" }, comment });
  await bulkUpstream.waitUntilFinished(job.job_id);

  await page.goto("/bulk");
  await expect(page.getByText("Needs the admin role to start a bulk job.")).toBeVisible();
  await expect(page.getByRole("link", { name: "New bulk job" })).toHaveCount(0);
  const row = page.getByRole("table", { name: "Bulk jobs" }).getByRole("row").filter({ hasText: comment });
  await row.getByRole("link", { name: "Release" }).click();

  const summary = page.getByRole("region", { name: "Job summary" });
  await expect(summary.getByRole("button", { name: "Delete job" })).toBeDisabled();
  await expect(summary.getByText("Needs the admin role")).toBeVisible();

  await page.goto("/bulk/new?final_disposition=SPAM");
  await expect(page.getByRole("form", { name: "Bulk job" }).getByRole("button", { name: "Create job" })).toBeDisabled();
  await expect(page.getByRole("note")).toContainText("Needs the admin role to create bulk jobs");
  // Looking is allowed: the dry run still runs.
  await expect(page.getByRole("table", { name: "Dry run matches" }).locator("tbody tr[data-row-id]").first()).toBeVisible();
});
