import { expect, test } from "./fixtures";
import { openMessage } from "./message-fixtures";
import { settingsTruth, unblockedExternalMessage, type TruthEntry } from "./policies-fixtures";

// The default storage state is the admin's: only admins may create allow policies.

test("an admin allows a sender's domain as an acceptable sender, edits the comment, and the message page says so", async ({ page }) => {
  const message = await unblockedExternalMessage(9);
  const sender = String(message.from).toLowerCase();
  const domain = sender.slice(sender.lastIndexOf("@") + 1);
  await openMessage(page, message.id);
  const policies = page.getByRole("group", { name: "Sender policies" });
  await policies.getByRole("button", { name: "Allow sender…" }).click();

  const dialog = page.getByRole("dialog", { name: "Allow sender" });
  await expect(dialog.getByRole("radio", { name: /^Acceptable sender/ })).toBeChecked();
  await expect(dialog).toContainText("still scanned, so malware and phishing are still caught");
  await expect(dialog.getByRole("checkbox", { name: /^Verify the sender/ })).toBeChecked();
  // No "spoofed messages" switch: it set the retired is_spoof; the acceptable-sender kind is that exemption.
  await expect(dialog.getByRole("checkbox", { name: /spoof/i })).toHaveCount(0);
  await dialog.getByRole("radio", { name: "Domain" }).check();
  await expect(dialog.getByLabel("Pattern", { exact: true })).toHaveValue(domain);
  await dialog.getByRole("button", { name: "Allow", exact: true }).click();

  await expect(page.getByRole("status").filter({ hasText: `Allowed ${domain} (acceptable sender).` })).toBeVisible();
  await expect(policies.getByRole("link", { name: `allowed: the domain ${domain} (acceptable sender)` })).toBeVisible();
  const [entry] = await settingsTruth<(TruthEntry & { is_acceptable_sender: boolean; verify_sender: boolean })[]>(
    `/settings/allow_policies?pattern=${encodeURIComponent(domain)}`,
  );
  expect(entry).toMatchObject({ pattern_type: "DOMAIN", is_acceptable_sender: true, is_trusted_sender: false, is_exempt_recipient: false, verify_sender: true });
  for (const retired of ["is_sender", "is_spoof", "is_recipient"]) expect(entry).not.toHaveProperty(retired);

  await policies.getByRole("link", { name: `allowed: the domain ${domain} (acceptable sender)` }).click();
  await expect(page).toHaveURL(`/policies?tab=allowed&pattern=${domain}`);
  const table = page.getByRole("table", { name: "Allow policies" });
  const row = table.getByRole("row").filter({ hasText: domain });
  await expect(row).toContainText("Acceptable sender");
  await row.getByRole("button", { name: `Edit comment of ${domain}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit comment of ${domain}` });
  await edit.getByLabel("Comment").fill("False positive on partner invoices, ticket FP-12");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText("False positive on partner invoices, ticket FP-12");
  const [after] = await settingsTruth<TruthEntry[]>(`/settings/allow_policies?pattern=${encodeURIComponent(domain)}`);
  expect(after?.comments).toBe("False positive on partner invoices, ticket FP-12");
  // The comment no longer links to the message, so the entry no longer offers it.
  await expect(row.getByRole("link", { name: "Open message" })).toHaveCount(0);
});
