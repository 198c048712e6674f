import { expect, test } from "./fixtures";
import { collectDialogs, collectPageErrors, truth } from "./message-fixtures";

test("hostile mail shown in a bulk job's dry run and the audit trail stays inert text", async ({ page, simulator }) => {
  const dialogs = collectDialogs(page);
  const errors = collectPageErrors(page);
  const { hostileId } = await simulator.fixtures();
  const hostile = await truth.detail(hostileId);

  await page.goto(`/bulk/new?sender=${encodeURIComponent(hostile.from ?? "")}&range=30d`);
  const dryRun = page.getByRole("table").filter({ hasText: "Received" }).first();
  await expect(dryRun).toContainText("<img src=x onerror=alert(1)>");

  await page.goto("/audit");
  await expect(page.getByRole("table", { name: "Audit trail" })).toBeVisible();

  await expect(page.locator("main script, main iframe, main object, main embed")).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
