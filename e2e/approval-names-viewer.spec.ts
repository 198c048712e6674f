import { decide, requestBulkJob, signInAs } from "./approvals-helpers";
import { APPROVER_USERS, E2E, STORAGE_STATE, USERS } from "./env";
import { expect, test } from "./fixtures";

// Approval names follow the approvals API's rule everywhere (issue 21, finding 6): a viewer, who
// may not read /api/approvals, does not see who asked for and who approved a job on its page.
test.use({ storageState: STORAGE_STATE.viewer });

test("a viewer opens an approved job and sees no approval names; an admin does", async ({ page, browser, simulator }) => {
  test.setTimeout(90_000);
  const { campaignSender } = await simulator.fixtures();
  const admin = await browser.newContext({ baseURL: E2E.consoleUrl, storageState: STORAGE_STATE.admin });
  const approver = await signInAs(browser);
  try {
    const adminPage = await admin.newPage();
    await adminPage.goto("/bulk");
    const asked = await requestBulkJob(adminPage, { action: "RELEASE", search_params: { sender: campaignSender, final_disposition: "MALICIOUS" }, comment: `e2e names ${Date.now()}` });
    expect(asked.status).toBe(202);
    const approved = await decide(approver.page, asked.json.result.approval.id, "approve", "checked with the mail team");
    expect(approved.status).toBe(200);
    const jobId = approved.json.result.job_id as string;

    await adminPage.goto(`/bulk/${jobId}`);
    await expect(adminPage.getByRole("region", { name: "Approval" })).toContainText(`Requested by ${USERS.admin.email}`);
    await expect(adminPage.getByRole("region", { name: "Approval" })).toContainText(`approved by ${APPROVER_USERS.approver.email}`);

    await page.goto(`/bulk/${jobId}`);
    await expect(page.getByRole("region", { name: "Job summary" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Approval" })).toHaveCount(0);
    await expect(page.getByText(APPROVER_USERS.approver.email)).toHaveCount(0);
  } finally {
    await admin.close();
    await approver.context.close();
  }
});
