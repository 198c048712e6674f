import { expect, test, waitForRows } from "./fixtures";
import { contractTest } from "./contract-variance";

// The search page offers exactly the filters of Cloudflare's search operation; the filters only
// bulk jobs have live on the bulk form, whose dry run says it cannot apply them.
const varianceTest = contractTest(["unknownEnums"]);

test("the search page has no Exact subject or Submissions filter, and says it ignores them in a link", async ({ page, simulator }) => {
  await simulator.clearCalls();
  await page.goto("/messages?detections_only=false&exact_subject=Invoice&submission=true");
  await waitForRows(page);
  const filters = page.getByRole("search", { name: "Message filters" });
  // Subject is one of the filters folded under "More filters"; the bulk-only ones are nowhere.
  await filters.getByRole("button", { name: /^More filters/ }).click();
  await expect(filters.getByLabel("Subject", { exact: true })).toBeVisible();
  await expect(filters.getByLabel("Exact subject")).toHaveCount(0);
  await expect(filters.getByLabel("Submissions")).toHaveCount(0);
  await expect(page.getByRole("note").filter({ hasText: "Ignored Exact subject and Submissions" })).toBeVisible();

  // Nothing the search operation lacks reached Cloudflare.
  const query = await simulator.lastSearchQuery();
  expect(query.has("exact_subject")).toBe(false);
  expect(query.has("submission")).toBe(false);
  // Searching again writes a link without them.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/detections_only=false/);
  await expect(page).not.toHaveURL(/exact_subject|submission/);
});

test("the bulk form offers them, and its dry run says it cannot show what the job acts on", async ({ page }) => {
  await page.goto("/bulk/new?detections_only=false&exact_subject=Invoice");
  const filters = page.getByRole("search", { name: "Message filters" });
  // By role: the applied filter's chip ("Remove filter Exact subject: Invoice") carries the name too.
  await expect(filters.getByRole("textbox", { name: "Exact subject" })).toHaveValue("Invoice");
  await expect(filters.getByLabel("Submissions")).toBeVisible();
  const dryRun = page.getByRole("region", { name: "Dry run" });
  await expect(dryRun.getByRole("note")).toContainText("This dry run cannot show what the job will act on");
  await expect(dryRun.getByText(/matching the other filters|No messages match the other filters/)).toBeVisible();
  await expect(dryRun.getByText(/this search matches/)).toHaveCount(0);
});

varianceTest("values Cloudflare adds later (unknown enums) are shown as they came, in rows that still load", async ({ page, variance }) => {
  expect(variance).toBeTruthy();
  await page.goto("/messages?detections_only=false&per_page=25");
  const table = page.getByRole("table", { name: "Messages" });
  await expect(table.locator("tbody tr[data-row-id]").first()).toBeVisible();
  await expect(page.getByText("Cloudflare sent a reply the console could not read")).toHaveCount(0);
});
