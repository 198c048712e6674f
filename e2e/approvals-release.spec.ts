import { expect, test } from "./fixtures";
import { APPROVER_USERS, USERS } from "./env";
import { decide, sentForApprovalId, signInAs } from "./approvals-helpers";
import { bulkUpstream } from "./bulk-helpers";

test("a malicious bulk release becomes a request; the requester cannot approve it; a second admin does and the job runs", async ({ page, browser, simulator }) => {
  test.setTimeout(120_000);
  await simulator.reset();
  await bulkUpstream.cancelActive();
  const { campaignSender } = await simulator.fixtures();
  const comment = `e2e approval ${Date.now()}`;

  // The requester (admin@e2e.test): a release whose dry run holds malicious mail.
  await page.goto(`/bulk/new?sender=${encodeURIComponent(campaignSender)}&final_disposition=MALICIOUS`);
  await expect(page.getByRole("table", { name: "Dry run matches" }).locator("tbody tr[data-row-id]").first()).toBeVisible();
  const form = page.getByRole("form", { name: "Bulk job" });
  await form.getByRole("radio", { name: "Release" }).check();
  await form.getByRole("textbox", { name: "Comment (optional)" }).fill(comment);
  await simulator.clearCalls();
  await form.getByRole("button", { name: "Create job" }).click();
  await page.getByRole("dialog", { name: "Release malicious messages?" }).getByRole("button", { name: "Release malicious messages" }).click();

  const id = await sentForApprovalId(page);
  await expect(page.getByRole("status").filter({ hasText: "Sent for approval" })).toContainText("classified MALICIOUS or MALICIOUS-BEC");
  const bulkPosts = async () => (await simulator.calls()).filter((c) => c.method === "POST" && /\/bulk\/?$/.test(c.path));
  expect(await bulkPosts()).toEqual([]);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Bulk jobs.*waiting for approval/ })).toBeVisible();

  // The requester cannot approve: the page says why and the server refuses.
  await page.getByRole("status").filter({ hasText: "Sent for approval" }).getByRole("link", { name: "Open the approval request" }).click();
  await expect(page.getByRole("heading", { name: "Approval request: Release" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve…" })).toBeDisabled();
  await expect(page.getByText("You asked for this job, so another admin must approve or reject it.")).toBeVisible();
  const own = await decide(page, id, "approve", "I checked it myself");
  expect(own.status).toBe(403);
  expect(own.json.error.message).toContain("another admin must");
  expect(await bulkPosts()).toEqual([]);

  // A second admin finds it on /bulk and approves it with a reason.
  const approver = await signInAs(browser);
  try {
    const second = approver.page;
    await second.goto("/bulk");
    const pending = second.getByRole("table", { name: "Pending approval requests" });
    await pending.getByRole("link", { name: `Review the request from ${USERS.admin.email}: Release` }).first().click();
    await expect(second).toHaveURL(new RegExp(`/approvals/${id}$`));
    await expect(second.getByRole("region", { name: "Request", exact: true })).toContainText(comment);
    await expect(second.getByRole("table", { name: "Dry run sample" })).toContainText("MALICIOUS");
    await second.getByRole("button", { name: "Approve…" }).click();
    const dialog = second.getByRole("dialog", { name: "Approve this bulk job?" });
    await dialog.getByRole("textbox", { name: "Reason" }).fill("confirmed false positives with the mail team");
    await dialog.getByRole("button", { name: "Approve and start the job" }).click();
    await expect(second.getByText("Approved", { exact: true })).toBeVisible();
    await second.getByRole("link", { name: "Open the job" }).click();
    await expect(second).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);

    // The job page names both people, and the job runs at Cloudflare: created exactly once.
    const approval = second.getByRole("region", { name: "Approval" });
    await expect(approval).toContainText(`Requested by ${USERS.admin.email}`);
    await expect(approval).toContainText(`approved by ${APPROVER_USERS.approver.email}`);
    const posts = await bulkPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({
      action: "RELEASE",
      // The requester's comment, marked with the request so an interrupted approval can be recovered.
      comment: expect.stringMatching(new RegExp(`^${comment} \\[Triage approval [0-9a-f-]{36}\\]$`)),
      search_params: { sender: campaignSender, final_disposition: "MALICIOUS" },
    });
    const jobId = /\/bulk\/([0-9a-f-]{36})$/.exec(second.url())![1]!;
    const finished = await bulkUpstream.waitUntilFinished(jobId);
    expect(finished.status).toBe("COMPLETED");
    await expect(second.getByRole("region", { name: "Job summary" }).getByText("COMPLETED", { exact: true })).toBeVisible({ timeout: 15_000 });

    // A second click (or a second admin) changes nothing.
    const again = await decide(second, id, "approve", "double click");
    expect(again.status).toBe(409);
    expect(await bulkPosts()).toHaveLength(1);
  } finally {
    await approver.context.close();
  }
});
