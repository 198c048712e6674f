import { E2E, STORAGE_STATE } from "./env";
import { expect, messageRows, test, waitForRows } from "./fixtures";
import { freshMessage, openMessage, truth } from "./message-fixtures";

// The two-person rule has no side door (issue 21, finding 1): as an analyst (the lowest role that
// can release), neither the bare API nor the message page nor the list's selection returns
// MALICIOUS mail to a mailbox without a second admin.
test.use({ storageState: STORAGE_STATE.analyst });

const releases = (calls: { method: string; path: string }[]) => calls.filter((c) => c.method === "POST" && /\/investigate\/release$/.test(c.path));
const moves = (calls: { method: string; path: string }[]) => calls.filter((c) => c.method === "POST" && /\/move$/.test(c.path));

test("the issue's repro: quarantined MALICIOUS ids posted to the release API become a request, and nothing is released", async ({ page, simulator }) => {
  const { result } = await simulator.search({ final_disposition: "MALICIOUS", delivery_status: "quarantined", detections_only: "false", per_page: "100" });
  const ids = result.slice(-3).map((m) => m.id);
  expect(ids).toHaveLength(3);
  await page.goto("/messages");
  await simulator.clearCalls();
  const response = await page.request.post("/api/email-security/investigate/release", { data: { ids }, headers: { origin: E2E.consoleUrl } });
  expect(response.status()).toBe(202);
  const body = await response.json();
  expect(body.result).toEqual([]);
  expect(body.approval).toMatchObject({ status: "pending", body: { action: "RELEASE", ids } });
  expect(releases(await simulator.calls())).toEqual([]);
  for (const id of ids) expect((await truth.detail(id)).is_quarantined).toBe(true);
});

test("the message page says a MALICIOUS message needs a second admin before the click, sends it for approval, and links to the request", async ({ page, simulator }) => {
  const message = await freshMessage("quarantined", 2, "threat");
  await openMessage(page, message.id);
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: /^Release/ }).click();
  const dialog = page.getByRole("dialog", { name: "Release message" });
  await expect(dialog.getByRole("note", { name: "Needs a second admin" })).toContainText("This message needs a second admin (classified MALICIOUS or MALICIOUS-BEC)");
  await simulator.clearCalls();
  await dialog.getByRole("button", { name: "Send for approval" }).click();

  const notice = actions.getByRole("status").filter({ hasText: "Sent for approval" });
  await expect(notice).toBeVisible();
  expect(releases(await simulator.calls())).toEqual([]);
  expect((await truth.detail(message.id)).is_quarantined).toBe(true);

  // The analyst follows their own request; only another admin can decide it.
  await notice.getByRole("link", { name: "Open the approval request" }).click();
  await expect(page.getByRole("heading", { name: "Approval request: Release" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Messages in the request" })).toContainText("MALICIOUS");
  await expect(page.getByText("You asked for this change, so an admin must approve or reject it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve…" })).toHaveCount(0);
});

test("a selection moved to Inbox in the list: the dialog counts what needs a second admin, and only the rest is moved", async ({ page, simulator }) => {
  await page.goto("/messages?delivery_status=delivered&final_disposition=MALICIOUS&detections_only=false&per_page=25");
  await waitForRows(page);
  const rows = messageRows(page);
  await rows.nth(3).getByRole("checkbox", { name: "Select message" }).check();
  await rows.nth(4).getByRole("checkbox", { name: "Select message" }).check();
  const bar = page.getByRole("region", { name: "Selection actions" });
  await bar.getByRole("button", { name: "Move…" }).click();
  const dialog = page.getByRole("dialog", { name: "Move 2 messages" });
  await dialog.getByRole("radio", { name: /^Inbox/ }).check();
  await expect(dialog.getByRole("note", { name: "Needs a second admin" })).toContainText("All 2 need a second admin (2 classified MALICIOUS or MALICIOUS-BEC)");
  await simulator.clearCalls();
  await dialog.getByRole("button", { name: "Send 2 for approval" }).click();

  const done = page.getByRole("dialog", { name: "Move finished" });
  await expect(done.getByRole("status")).toHaveText("0 messages moved, 0 failed. 2 sent for approval: a second admin decides.");
  await expect(done.getByRole("link", { name: "Open the approval request" })).toBeVisible();
  expect(moves(await simulator.calls())).toEqual([]);
});
