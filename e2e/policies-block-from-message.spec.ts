import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { openMessage } from "./message-fixtures";
import { settingsTruth, unblockedExternalMessage, type TruthEntry } from "./policies-fixtures";

test.use({ storageState: STORAGE_STATE.analyst });

test("an analyst blocks a sender from a message and sees it on the policies page and the message page", async ({ page }) => {
  const message = await unblockedExternalMessage(3);
  const sender = String(message.from).toLowerCase();
  await openMessage(page, message.id);
  const policies = page.getByRole("group", { name: "Sender policies" });
  await expect(policies.getByRole("button", { name: "Block sender…" })).toBeEnabled();
  await expect(policies).not.toContainText("blocked:");

  await policies.getByRole("button", { name: "Block sender…" }).click();
  const dialog = page.getByRole("dialog", { name: "Block sender" });
  await expect(dialog.getByRole("radio", { name: "Address" })).toBeChecked();
  await expect(dialog.getByLabel("Pattern", { exact: true })).toHaveValue(sender);
  await expect(dialog.getByLabel("Pattern type")).toHaveValue("EMAIL");
  await expect(dialog.getByRole("checkbox", { name: "Pattern is a regular expression" })).not.toBeChecked();
  const comment = dialog.getByLabel("Comment");
  await expect(comment).toHaveValue(new RegExp(`/messages/${encodeURIComponent(message.id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await expect(comment).toHaveValue(new RegExp(String(message.subject).slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  // The domain choice rewrites the pattern and its type; back to the address for this journey.
  await dialog.getByRole("radio", { name: "Domain" }).check();
  await expect(dialog.getByLabel("Pattern", { exact: true })).toHaveValue(sender.slice(sender.lastIndexOf("@") + 1));
  await expect(dialog.getByLabel("Pattern type")).toHaveValue("DOMAIN");
  await dialog.getByRole("radio", { name: "Address" }).check();
  await dialog.getByRole("button", { name: "Block", exact: true }).click();

  await expect(page.getByRole("status").filter({ hasText: `Blocked ${sender}.` })).toBeVisible();
  // The status names what matched: this very address.
  const note = policies.getByRole("link", { name: "blocked: this address" });
  await expect(note).toBeVisible();

  const truth = await settingsTruth<TruthEntry[]>(`/settings/block_senders?pattern=${encodeURIComponent(sender)}`);
  expect(truth).toHaveLength(1);
  expect(truth[0]).toMatchObject({ pattern_type: "EMAIL", comments: expect.stringContaining(encodeURIComponent(message.id)) });

  await note.click();
  await expect(page).toHaveURL(`/policies?tab=blocked&pattern=${sender}`);
  await expect(page.getByText(`Showing the entry ${sender}.`)).toBeVisible();
  const table = page.getByRole("table", { name: "Blocked senders" });
  const row = table.getByRole("row").filter({ hasText: sender });
  await expect(row).toHaveCount(1);
  await row.getByRole("link", { name: "Open message" }).click();
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(message.id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(page.getByRole("group", { name: "Sender policies" }).getByRole("link", { name: "blocked: this address" })).toBeVisible();
});
