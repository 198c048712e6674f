import { expect, test } from "./fixtures";
import { freshMessage, openMessage, truth } from "./message-fixtures";

test("from an opened message link to moved in three key presses: m, a digit for the folder, Enter", async ({ page, simulator }) => {
  // Spam starts on Junk (a threat would start on Recoverable items: message-risky-choice.spec.ts).
  const message = await freshMessage("delivered", 1, { final_disposition: "SPAM" });
  await openMessage(page, message.id);
  await simulator.clearCalls();

  await page.keyboard.press("m");
  const dialog = page.getByRole("dialog", { name: "Move message" });
  await expect(dialog.getByRole("button", { name: "Move to Junk" })).toBeFocused();
  await page.keyboard.press("3");
  await expect(dialog.getByRole("radio", { name: "Deleted items" })).toBeChecked();
  await expect(dialog.getByRole("button", { name: "Move to Deleted items" })).toBeFocused();
  await expect(dialog).toContainText("will be moved to the Deleted items folder");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("region", { name: "Actions" }).getByRole("status").filter({ hasText: "Moved to DeletedItems" })).toBeVisible();
  const moves = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/move"));
  expect(moves).toHaveLength(1);
  expect(moves[0]?.body).toMatchObject({ destination: "DeletedItems" });
  expect((await truth.detail(message.id)).delivery_status).toEqual(["moved"]);
});
