import { sentForApprovalId } from "./approvals-helpers";
import { expect, test } from "./fixtures";

// A request already sent is not sent again from the same form (issue 21, finding 6): after
// "Sent for approval" the form offers no Create button for the same job, so one more click (or
// Enter) cannot make a second identical request. As an admin, the lowest role with the form.
test("after Sent for approval the same form cannot send the request again", async ({ page, simulator }) => {
  const { campaignSender } = await simulator.fixtures();
  await page.goto(`/bulk/new?sender=${encodeURIComponent(campaignSender)}&final_disposition=MALICIOUS`);
  await expect(page.getByRole("table", { name: "Dry run matches" }).locator("tbody tr[data-row-id]").first()).toBeVisible();
  const form = page.getByRole("form", { name: "Bulk job" });
  await form.getByRole("radio", { name: "Release" }).check();
  const comment = form.getByRole("textbox", { name: "Comment (optional)" });
  await comment.fill(`e2e resend ${Date.now()}`);
  await form.getByRole("button", { name: /^Create job/ }).click();
  await page.getByRole("dialog", { name: "Release malicious messages?" }).getByRole("button", { name: "Release malicious messages" }).click();
  await sentForApprovalId(page);

  await expect(form.getByRole("button", { name: /^Create job/ })).toHaveCount(0);
  await expect(form).toContainText("Change the search, the action or the comment to create a different job.");
  // Submitting the form another way does nothing either.
  await comment.press("Enter");
  await form.evaluate((f: HTMLFormElement) => f.requestSubmit());
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // A different job is a different request: the button comes back.
  await comment.fill(`e2e resend, another ${Date.now()}`);
  await expect(form.getByRole("button", { name: /^Create job/ })).toBeEnabled();
});
