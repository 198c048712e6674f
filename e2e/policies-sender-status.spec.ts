import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { openMessage } from "./message-fixtures";
import { settingsTruth, type TruthEntry } from "./policies-fixtures";

test.use({ storageState: STORAGE_STATE.analyst });

test("the sender's status names what matched, this address or the domain, and links to that very entry", async ({ page, simulator }) => {
  const { result } = await simulator.search({ domain: "acme-payro11.test", detections_only: "false", per_page: "5" });
  const message = result[0]!;
  const sender = String(message.from).toLowerCase();
  // The seeded history blocked this address (from an earlier message), not its domain.
  expect(await settingsTruth<TruthEntry[]>(`/settings/block_senders?pattern=${encodeURIComponent(sender)}`)).toHaveLength(1);
  expect(await settingsTruth<TruthEntry[]>("/settings/block_senders?pattern=acme-payro11.test")).toHaveLength(0);

  await openMessage(page, message.id);
  const policies = page.getByRole("group", { name: "Sender policies" });
  // Said as what it is: this address is blocked; nothing says the domain is.
  await expect(policies.getByRole("link", { name: "blocked: this address" })).toBeVisible();
  await expect(policies.getByRole("link", { name: /the domain/ })).toHaveCount(0);
  await policies.getByRole("link", { name: "blocked: this address" }).click();
  await expect(page).toHaveURL(`/policies?tab=blocked&pattern=${sender}`);
  const table = page.getByRole("table", { name: "Blocked senders" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText(sender);
  await openMessage(page, message.id);

  // Block the domain too: both entries are then named, each for what it is.
  await policies.getByRole("button", { name: "Block sender…" }).click();
  const dialog = page.getByRole("dialog", { name: "Block sender" });
  await dialog.getByRole("radio", { name: "Domain" }).check();
  await expect(dialog.getByLabel("Pattern", { exact: true })).toHaveValue("acme-payro11.test");
  await dialog.getByRole("button", { name: "Block", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Blocked acme-payro11.test." })).toBeVisible();
  await expect(policies.getByRole("link", { name: "blocked: the domain acme-payro11.test" })).toBeVisible();
  await expect(policies.getByRole("link", { name: "blocked: this address" })).toBeVisible();

  // The domain's link opens that entry alone, not every entry whose text mentions the domain.
  await policies.getByRole("link", { name: "blocked: the domain acme-payro11.test" }).click();
  await expect(page).toHaveURL("/policies?tab=blocked&pattern=acme-payro11.test");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("acme-payro11.test");
  await expect(table.getByRole("row").nth(1)).not.toContainText(sender);
  await page.getByRole("link", { name: "Show all" }).click();
  await expect(page).toHaveURL("/policies?tab=blocked");
  // The newest entries first: the domain just blocked leads the whole list.
  await expect(table.getByRole("row").nth(2)).toBeVisible();
  await expect(table.getByRole("row").nth(1)).toContainText("acme-payro11.test");
});
