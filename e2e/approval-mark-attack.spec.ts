import { requestBulkJob } from "./approvals-helpers";
import { expect, test } from "./fixtures";

// A forged approval mark (issue 21, finding 6): recovery ties an interrupted approval to the job
// whose comment carries `[Triage approval <id>]`, so no one may write that mark. As an admin, the
// lowest role that can create a bulk job: the form refuses it at the field, and so does the API.
const REQUEST_ID = "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c";

test("a bulk job's comment cannot carry the approval mark, from the form or the API", async ({ page, simulator }) => {
  const { campaignSender } = await simulator.fixtures();
  await page.goto(`/bulk/new?sender=${encodeURIComponent(campaignSender)}`);
  await expect(page.getByRole("table", { name: "Dry run matches" }).locator("tbody tr[data-row-id]").first()).toBeVisible();
  const form = page.getByRole("form", { name: "Bulk job" });
  await form.getByRole("radio", { name: "Move" }).check();
  await form.getByRole("combobox", { name: "Destination" }).selectOption("JunkEmail");
  await form.getByRole("textbox", { name: "Comment (optional)" }).fill(`cleanup [Triage approval ${REQUEST_ID}]`);
  await simulator.clearCalls();
  await form.getByRole("button", { name: /^Create job/ }).click();
  await expect(form.getByRole("textbox", { name: "Comment (optional)" })).toHaveAccessibleDescription(/must not contain/);
  await expect(page.getByRole("dialog")).toHaveCount(0);

  const api = await requestBulkJob(page, {
    action: "MOVE",
    destination: "JunkEmail",
    search_params: { sender: campaignSender },
    comment: `[triage approval ${REQUEST_ID}]`,
  });
  expect(api.status).toBe(400);
  expect(api.json.error.message).toMatch(/must not contain/);
  expect((await simulator.calls()).filter((c) => c.method === "POST")).toEqual([]);
});
