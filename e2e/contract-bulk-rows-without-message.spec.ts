import { expect } from "@playwright/test";
import { bulkUpstream } from "./bulk-helpers";
import { contractTest } from "./contract-variance";

const test = contractTest(["noJobMessageDetail"]);

test("bulk-job message rows without `message` link to a search for their postfix id, never to /messages/{postfix_id}", async ({ page, variance }) => {
  expect(variance).toBeTruthy();
  const job = await bulkUpstream.create({
    action: "RELEASE",
    // Delivered clean mail is not quarantined: every row is SKIPPED, no message changes.
    search_params: { delivery_status: "delivered", final_disposition: "SPAM" },
    comment: `e2e contract rows ${Date.now()}`,
  });
  await bulkUpstream.waitUntilFinished(job.job_id);

  await page.goto(`/bulk/${encodeURIComponent(job.job_id)}`);
  const rows = page.getByRole("table", { name: "Job messages" }).getByRole("row");
  const searchLinks = page.getByRole("table", { name: "Job messages" }).getByRole("link", { name: /^Search for / });
  await expect(searchLinks.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(1);

  const hrefs = await page.getByRole("table", { name: "Job messages" }).getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^\/messages\?query=[^&]+&detections_only=false$/);

  // The link opens the search for that postfix id.
  const name = (await searchLinks.first().textContent()) ?? "";
  const postfixId = name.replace(/^Search for /, "");
  await searchLinks.first().click();
  await expect(page).toHaveURL(new RegExp(`/messages\\?query=${encodeURIComponent(postfixId)}`));
  await expect(page.getByRole("search", { name: "Message filters" }).getByRole("searchbox", { name: "Search" })).toHaveValue(postfixId);
});
