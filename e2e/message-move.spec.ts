import { expect, messageRows, test, waitForRows } from "./fixtures";
import { freshMessage, panel, tab, truth } from "./message-fixtures";
import { USERS } from "./env";

test("move from a search: the dialog says what happens, then the page, action log and list change", async ({ page, simulator }) => {
  const message = await freshMessage("delivered", 3);
  const listUrl = `/messages?message_id=${encodeURIComponent(message.message_id ?? "")}&detections_only=false`;
  await page.goto(listUrl);
  await waitForRows(page);
  await messageRows(page).and(page.locator(`[data-row-id="${message.id}"]`)).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message.subject ?? "");
  await expect(page.getByRole("navigation", { name: "Message navigation" })).toContainText("1 of 1");

  // A slow upstream makes the in-flight state observable.
  await simulator.setFaults([{ match: "/move", method: "POST", latencyMs: 1500, times: 1 }]);
  await simulator.clearCalls();
  await page.keyboard.press("m");
  const dialog = page.getByRole("dialog", { name: "Move message" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: "Deleted items" }).check();
  await expect(dialog).toContainText("will be moved to the Deleted items folder in the mailbox of");
  await expect(dialog).toContainText(message.client_recipients?.[0] ?? "");
  await dialog.getByRole("button", { name: "Move to Deleted items" }).click();
  await expect(dialog.getByRole("button", { name: "Move to Deleted items" })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeDisabled();
  await expect(dialog.getByRole("status")).toHaveText("Moving…");

  const notice = page.getByRole("region", { name: "Actions" }).getByRole("status").filter({ hasText: "Moved to DeletedItems" });
  await expect(notice).toBeVisible();
  await expect(dialog).toBeHidden();
  const moves = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/move"));
  expect(moves).toHaveLength(1);
  expect(moves[0]?.body).toMatchObject({ destination: "DeletedItems" });

  // The page refreshed from Cloudflare: the header shows the new delivery status.
  await expect(page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) })).toContainText("moved");
  expect((await truth.detail(message.id)).delivery_status).toEqual(["moved"]);

  await tab(page, "Action log").click();
  const log = panel(page).getByRole("table", { name: "Action log" });
  await expect(log.locator("tbody tr").first()).toContainText("Moved");
  await expect(log.locator("tbody tr").first()).toContainText("DeletedItems");
  const consoleActions = panel(page).getByRole("table", { name: "Console actions" });
  await expect(consoleActions.locator("tbody tr").first()).toContainText(USERS.admin.email);
  await expect(consoleActions.locator("tbody tr").first()).toContainText("Move");

  // Esc goes back to the search, which refreshed: the row now says "moved".
  await panel(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/messages\?message_id=/);
  await waitForRows(page);
  await expect(messageRows(page).and(page.locator(`[data-row-id="${message.id}"]`))).toContainText("moved");
});
