import { STORAGE_STATE } from "./env";
import { expect, test, waitForRows } from "./fixtures";
import { freshMessage, openMessage, truth } from "./message-fixtures";

// The interface never leans toward the risky choice, tried as an analyst (the lowest role that can
// release or move): a known threat never has Release as its filled button, and the move dialog
// starts where the user can no longer open it.
test.use({ storageState: STORAGE_STATE.analyst });

/** The filled (primary) style of the console's buttons. */
const FILLED = /\bbg-blue-700\b/;

test("on quarantined MALICIOUS mail Release is offered but never the filled button, and its dialog says what it delivers", async ({ page }) => {
  const message = await freshMessage("quarantined", 3, { final_disposition: "MALICIOUS" });
  await openMessage(page, message.id);
  const actions = page.getByRole("region", { name: "Actions" });
  const release = actions.getByRole("button", { name: "Release…" });
  await expect(release).toBeEnabled();
  await expect(release).not.toHaveClass(FILLED);
  for (const button of await actions.getByRole("button").all()) await expect(button).not.toHaveClass(FILLED);

  await page.keyboard.press("r");
  const dialog = page.getByRole("dialog", { name: "Release message" });
  await expect(dialog).toContainText("Cloudflare judged it MALICIOUS: releasing it delivers a known threat.");
  // The release policy holds a MALICIOUS release for a second admin, and the button says so; held
  // or not, it is never the filled one.
  const confirm = dialog.getByRole("button", { name: "Send for approval" });
  await expect(confirm).toBeVisible();
  await expect(confirm).not.toHaveClass(FILLED);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await truth.detail(message.id)).is_quarantined).toBe(true);
});

test("quarantined spam still offers Release as the filled button", async ({ page }) => {
  const message = await freshMessage("quarantined", 0, { final_disposition: "SPAM" });
  await openMessage(page, message.id);
  await expect(page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Release…" })).toHaveClass(FILLED);
});

test("m then Enter on a delivered threat moves it where the user cannot open it, not to Junk", async ({ page, simulator }) => {
  const message = await freshMessage("delivered", 0, { final_disposition: "MALICIOUS" });
  await openMessage(page, message.id);
  await simulator.clearCalls();

  await page.keyboard.press("m");
  const dialog = page.getByRole("dialog", { name: "Move message" });
  await expect(dialog.getByRole("radio", { name: "Recoverable items" })).toBeChecked();
  await expect(dialog.getByRole("button", { name: "Move to Recoverable items" })).toBeFocused();
  // The groups say what each does: Deleted items sits with the folders the user can still open.
  const canOpen = dialog.getByRole("radiogroup", { name: "The user can still open it" });
  await expect(canOpen.getByRole("radio")).toHaveCount(3);
  for (const name of ["Inbox", "Junk", "Deleted items"]) await expect(canOpen.getByRole("radio", { name })).toBeVisible();
  const away = dialog.getByRole("radiogroup", { name: "Takes the message away from the user" });
  for (const name of ["Recoverable items", "Purge"]) await expect(away.getByRole("radio", { name })).toBeVisible();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("region", { name: "Actions" }).getByRole("status").filter({ hasText: "Moved to RecoverableItemsDeletions" })).toBeVisible();
  const moves = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/move"));
  expect(moves).toHaveLength(1);
  expect(moves[0]?.body).toMatchObject({ destination: "RecoverableItemsDeletions" });
});

test("a selection in the list that holds a threat starts its move dialog on Recoverable items", async ({ page }) => {
  const threat = await freshMessage("delivered", 1, { final_disposition: "SPOOF" });
  await page.goto(`/messages?message_id=${encodeURIComponent(threat.message_id ?? "")}&detections_only=false`);
  await waitForRows(page);
  const row = page.locator(`[data-row-id="${threat.id}"]`);
  await row.getByRole("checkbox").check();
  await page.getByRole("region", { name: "Selection actions" }).getByRole("button", { name: "Move…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Move 1 message/ });
  await expect(dialog.getByRole("radio", { name: "Recoverable items" })).toBeChecked();
  await expect(dialog.getByRole("radio", { name: "Junk" })).not.toBeChecked();
  await dialog.getByRole("button", { name: "Cancel" }).click();
});
