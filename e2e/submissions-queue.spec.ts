import { STORAGE_STATE } from "./env";
import { expect, messageRows, shownIds, test, waitForRows } from "./fixtures";
import { settingsTruth } from "./policies-fixtures";

test.use({ storageState: STORAGE_STATE.viewer });

interface TruthSubmission {
  submission_id: string;
  type: string;
  subject: string;
  requested_at: string;
  requested_disposition: string;
  original_postfix_id: string;
}

test("the submissions queue filters by type and disposition and links to the message a submission concerns", async ({ page, simulator }) => {
  await page.goto("/submissions");
  const table = page.getByRole("table", { name: "Submissions" });
  await expect(table).not.toHaveAttribute("aria-busy", "true");
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  // No total: Cloudflare's total_count counts the unfiltered list. The window Cloudflare applies is said instead.
  await expect(page.getByText(/in all$/)).toHaveCount(0);
  await expect(page.getByText("Requested in the last 30 days: Cloudflare's default when no From date is set.", { exact: false })).toBeVisible();

  const filters = page.getByRole("form", { name: "Submission filters" });
  // The filter takes TEAM/USER and says it the way rows do.
  await expect(filters.getByLabel("Type").getByRole("option")).toHaveText(["Any", "Team", "User"]);
  await filters.getByLabel("Type").selectOption("USER");
  await filters.getByLabel("Requested").selectOption("NONE");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/type=USER/);
  await expect(page).toHaveURL(/requested_disposition=NONE/);

  const truth = await settingsTruth<TruthSubmission[]>("/submissions?type=USER&requested_disposition=NONE&per_page=50&order=requested_at&direction=desc");
  expect(truth.length).toBeGreaterThan(0);
  const first = truth[0]!;
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(truth.length + 1);
  await expect(rows.nth(1)).toContainText(first.submission_id);
  for (const cellText of await table.getByRole("cell", { name: /^(Team|User)$/ }).allTextContents()) expect(cellText).toBe("User");

  await rows.nth(1).getByRole("link", { name: `Find the message of submission ${first.submission_id}` }).click();
  await expect(page).toHaveURL(/\/messages\?subject=/);
  await waitForRows(page);
  const { result } = await simulator.search(new URL(page.url()).searchParams);
  const concerned = result.find((m) => m.postfix_id === first.original_postfix_id);
  expect(concerned, "the submitted message is among the search results").toBeTruthy();
  expect(await shownIds(page)).toContain(concerned!.id);
  await messageRows(page).and(page.locator(`[data-row-id="${concerned!.id}"]`)).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.subject);
});

test("entries Cloudflare sent that could not be read are counted on the page, not silently dropped", async ({ page, simulator }) => {
  await simulator.setFaults([{ match: "/submissions", method: "GET", unreadableEntry: true, times: 2 }]);
  await page.goto("/submissions?type=TEAM&requested_disposition=SPAM");
  await expect(page.getByRole("note").filter({ hasText: "1 entry Cloudflare sent could not be read and is not shown." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Submissions" }).getByRole("row").nth(1)).toBeVisible();
});
