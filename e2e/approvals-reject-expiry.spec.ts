import { expect, test } from "./fixtures";
import { APPROVER_USERS } from "./env";
import { ageApprovalRequest, decide, requestBulkJob, signInAs } from "./approvals-helpers";

test("a second admin rejects a request with a reason, and the requester sees it", async ({ page, browser }) => {
  const asked = await requestBulkJob(page, { action: "RELEASE", search_params: { final_disposition: "MALICIOUS" }, comment: `e2e reject ${Date.now()}` });
  expect(asked.status).toBe(202);
  const id = asked.json.result.approval.id as string;

  const approver = await signInAs(browser);
  try {
    await approver.page.goto(`/approvals/${id}`);
    await approver.page.getByRole("button", { name: "Reject…" }).click();
    const dialog = approver.page.getByRole("dialog", { name: "Reject this bulk job?" });
    await dialog.getByRole("button", { name: "Reject" }).click();
    await expect(dialog.getByText("Give a reason")).toBeVisible();
    await dialog.getByRole("textbox", { name: "Reason" }).fill("these are real threats");
    await dialog.getByRole("button", { name: "Reject" }).click();
    await expect(dialog).toBeHidden();
    await expect(approver.page.getByText("Rejected", { exact: true })).toBeVisible();
  } finally {
    await approver.context.close();
  }

  await page.goto(`/approvals/${id}`);
  const request = page.getByRole("region", { name: "Request", exact: true });
  await expect(request).toContainText("Rejected by");
  await expect(request).toContainText(APPROVER_USERS.approver.email);
  await expect(request).toContainText("these are real threats");
  await expect(page.getByRole("button", { name: "Approve…" })).toBeDisabled();
  await page.goto("/bulk");
  await expect(page.getByRole("region", { name: /Waiting for a second admin/ }).getByRole("row").filter({ hasText: "these are real threats" })).toHaveCount(0);
});

test("a request left for more than 24 hours shows as expired and cannot be approved", async ({ page, browser, simulator }) => {
  const asked = await requestBulkJob(page, { action: "MOVE", destination: "JunkEmail", search_params: {}, comment: `e2e expiry ${Date.now()}` });
  expect(asked.status).toBe(202);
  expect(asked.json.result.approval.reasons.join(" ")).toContain("no filters");
  const id = asked.json.result.approval.id as string;
  ageApprovalRequest(id);

  const approver = await signInAs(browser);
  try {
    await approver.page.goto(`/approvals/${id}`);
    await expect(approver.page.getByText("Expired", { exact: true })).toBeVisible();
    await expect(approver.page.getByText("This request expired: it can no longer be approved.")).toBeVisible();
    await expect(approver.page.getByRole("button", { name: "Approve…" })).toBeDisabled();
    await simulator.clearCalls();
    const late = await decide(approver.page, id, "approve", "late");
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/expired/);
    expect((await simulator.calls()).filter((c) => c.method === "POST")).toEqual([]);
    await approver.page.goto("/bulk");
    await expect(approver.page.getByRole("link", { name: /Review the request/ }).and(approver.page.locator(`[href="/approvals/${id}"]`))).toHaveCount(0);
  } finally {
    await approver.context.close();
  }
});
