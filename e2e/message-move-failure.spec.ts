import { expect, test } from "./fixtures";
import { freshMessage, openMessage, panel, tab, truth } from "./message-fixtures";

// A laptop with the browser's bars: the dialog's folder list is taller than what is left.
test.use({ viewport: { width: 1366, height: 600 } });

test("an upstream failure during a move shows the error, sends the move once, and changes nothing", async ({ page, simulator }) => {
  const message = await freshMessage("delivered", 9);
  const logBefore = await truth.actionLog(message.id);
  await openMessage(page, message.id);
  const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(header).toContainText("delivered");

  await simulator.setFaults([{ match: "/move", method: "POST", status: 500, times: 1 }]);
  await simulator.clearCalls();
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: /^Move/ }).click();
  const dialog = page.getByRole("dialog", { name: "Move message" });
  await dialog.getByRole("radio", { name: "Junk" }).check();
  await dialog.getByRole("button", { name: "Move to Junk" }).click();

  const error = dialog.getByRole("alert");
  await expect(error).toContainText("Move failed");
  await expect(error).toContainText("Cloudflare had a problem (HTTP 500)");
  // Where the analyst is looking: on screen (not below the folder list), focused, and saying what to do.
  await expect(error).toBeInViewport({ ratio: 1 });
  await expect(error).toBeFocused();
  await expect(error).toContainText("may or may not have been made. Check the action log before trying again.");
  await expect(dialog.getByRole("button", { name: "Move to Junk" })).toBeEnabled();

  const moves = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/move"));
  expect(moves).toHaveLength(1);

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(header).toContainText("delivered");
  await expect(page.getByRole("region", { name: "Actions" }).getByRole("status")).toHaveCount(0);
  const after = await truth.detail(message.id);
  expect(after.delivery_status).toEqual(message.delivery_status);
  expect(await truth.actionLog(message.id)).toEqual(logBefore);

  await tab(page, "Action log").click();
  if (logBefore.length === 0) await expect(panel(page)).toContainText("Nothing has been done to this message");
  else await expect(panel(page).getByRole("table", { name: "Action log" }).locator("tbody tr")).toHaveCount(logBefore.length);
});
