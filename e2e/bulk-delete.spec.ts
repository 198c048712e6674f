import { expect, test } from "./fixtures";
import { bulkUpstream } from "./bulk-helpers";

test("delete a finished job; unknown and malformed job ids get clear 404 and 400 pages", async ({ page, simulator }) => {
  const comment = `e2e delete ${Date.now()}`;
  // A job whose search matches nothing finishes in ~1.5 s and changes no message.
  const created = await bulkUpstream.create({ action: "RELEASE", search_params: { query: "no-such-term-e2e-delete" }, comment });
  await bulkUpstream.waitUntilFinished(created.job_id);

  await page.goto("/bulk");
  const row = page.getByRole("table", { name: "Bulk jobs" }).getByRole("row").filter({ hasText: comment });
  await expect(row.getByText("COMPLETED", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: "Release" }).click();
  await expect(page).toHaveURL(`/bulk/${created.job_id}`);

  const summary = page.getByRole("region", { name: "Job summary" });
  await simulator.setFaults([{ match: `/bulk/${created.job_id}`, method: "DELETE", latencyMs: 1_500 }]);
  await summary.getByRole("button", { name: "Delete job" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this job?" });
  await dialog.getByRole("button", { name: "Keep job" }).click();
  await expect(dialog).toBeHidden();
  await summary.getByRole("button", { name: "Delete job" }).click();
  await dialog.getByRole("button", { name: "Delete job" }).click();
  await expect(dialog.getByRole("button", { name: "Deleting…" })).toBeDisabled();
  await expect(page.getByRole("heading", { name: "Bulk job deleted" })).toBeVisible({ timeout: 10_000 });

  // Gone upstream and from the dashboard.
  await expect(bulkUpstream.get(created.job_id)).rejects.toThrow(/404/);
  await page.getByRole("link", { name: "All bulk jobs" }).click();
  await expect(page.getByRole("table", { name: "Bulk jobs" })).not.toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("table", { name: "Bulk jobs" }).getByRole("row").filter({ hasText: comment })).toHaveCount(0);

  // Its old address is now a clear 404; a malformed id a clear 400.
  const gone = await page.goto(`/bulk/${created.job_id}`);
  expect(gone?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Bulk job not found" })).toBeVisible();
  await expect(page.getByText("404 Not found")).toBeVisible();
  const malformed = await page.goto("/bulk/not-a-job-id");
  expect(malformed?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "Invalid bulk job id" })).toBeVisible();
  await expect(page.getByText("400 Bad request")).toBeVisible();
});
