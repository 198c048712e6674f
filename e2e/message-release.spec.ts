import { expect, test } from "./fixtures";
import { freshMessage, openMessage, panel, tab, truth } from "./message-fixtures";

test("release a quarantined message: confirm, then it is delivered and the action log says so", async ({ page }) => {
  // Not a threat: releasing MALICIOUS mail waits for a second admin (release-policy-attack.spec.ts).
  const message = await freshMessage("quarantined", 5, "not-threat");
  await openMessage(page, message.id);
  const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
  await expect(header).toContainText("quarantined");

  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: /^Release/ }).click();
  const dialog = page.getByRole("dialog", { name: "Release message" });
  await expect(dialog).toContainText("will be released from quarantine and delivered to");
  await expect(dialog).toContainText(message.client_recipients?.[0] ?? "");
  // Cancel changes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await truth.detail(message.id)).is_quarantined).toBe(true);

  await page.keyboard.press("r");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Release and deliver" }).click();
  await expect(actions.getByRole("status").filter({ hasText: "Released to" })).toBeVisible();
  await expect(header).toContainText("delivered");
  // Released, the message is in a mailbox: Move is the primary action now, Release says why not.
  await expect(actions.getByRole("button", { name: /^Release/ })).toBeDisabled();
  await expect(actions.getByRole("button", { name: /^Release/ })).toHaveAccessibleDescription(/not in quarantine/);
  await expect(actions.getByRole("button", { name: /^Move/ })).toBeEnabled();
  expect((await truth.detail(message.id)).is_quarantined).toBe(false);

  await page.keyboard.press("6");
  const log = panel(page).getByRole("table", { name: "Action log" });
  await expect(log.locator("tbody tr").first()).toContainText("Released from quarantine");
  await expect(log.locator("tbody tr").first()).toContainText("completed");
  await expect(panel(page).getByRole("table", { name: "Console actions" }).locator("tbody tr").first()).toContainText("Release");
  await tab(page, "Trace").click();
  await expect(panel(page).getByRole("region", { name: "Outbound" })).toContainText("QUARANTINE_RELEASE");
});
