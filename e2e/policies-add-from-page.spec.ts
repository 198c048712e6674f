import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { settingsTruth, type TruthEntry } from "./policies-fixtures";

type AllowTruth = TruthEntry & Record<string, unknown>;

test.describe("an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("blocks an IP range from the Policies page, with the message page's form and rules, and may not add an allow policy", async ({ page }) => {
    await page.goto("/policies");
    await page.getByRole("button", { name: "Block a sender…" }).click();
    const dialog = page.getByRole("dialog", { name: "Block a sender" });
    // Not from a message: nothing prefilled, and no address/domain choice to make.
    await expect(dialog.getByLabel("Pattern", { exact: true })).toHaveValue("");
    await expect(dialog.getByLabel("Comment")).toHaveValue("");
    await expect(dialog.getByRole("radio", { name: "Domain" })).toHaveCount(0);

    // The same rules as from a message: a private range is refused before anything is sent.
    await dialog.getByLabel("Pattern type").selectOption("IP");
    await dialog.getByLabel("Pattern", { exact: true }).fill("::ffff:10.0.0.0/104");
    await dialog.getByRole("button", { name: "Block", exact: true }).click();
    await expect(dialog.getByText(/private \(IPv4-mapped\) address; only globally reachable addresses can be used/)).toBeVisible();

    await dialog.getByLabel("Pattern", { exact: true }).fill("203.0.113.64/28");
    await dialog.getByLabel("Comment").fill("Scanner range seen in INC-3310");
    await dialog.getByRole("button", { name: "Block", exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Blocked 203.0.113.64/28." })).toBeVisible();
    const row = page.getByRole("table", { name: "Blocked senders" }).getByRole("row").filter({ hasText: "203.0.113.64/28" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Scanner range seen in INC-3310");
    const [entry] = await settingsTruth<TruthEntry[]>("/settings/block_senders?pattern=203.0.113.64%2F28");
    expect(entry).toMatchObject({ pattern_type: "IP", comments: "Scanner range seen in INC-3310" });

    await page.getByRole("link", { name: "Allow policies" }).click();
    const add = page.getByRole("button", { name: "Add an allow policy…" });
    await expect(add).toBeDisabled();
    await expect(add).toHaveAttribute("title", /admin/);
  });
});

test("an admin adds a trusted-sender allow policy from the Policies page; Cloudflare gets that kind and nothing deprecated", async ({ page, simulator }) => {
  await page.goto("/policies?tab=allowed");
  await page.getByRole("button", { name: "Add an allow policy…" }).click();
  const dialog = page.getByRole("dialog", { name: "Add an allow policy" });
  await expect(dialog.getByRole("radio", { name: /^Acceptable sender/ })).toBeChecked();
  await dialog.getByRole("radio", { name: /^Trusted sender/ }).check();
  await dialog.getByLabel("Pattern", { exact: true }).fill("alerts@status-page.example");
  await expect(dialog.getByRole("checkbox", { name: /^Verify the sender/ })).toBeChecked();
  await simulator.clearCalls();
  await dialog.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Allowed alerts@status-page.example (trusted sender)." })).toBeVisible();
  const row = page.getByRole("table", { name: "Allow policies" }).getByRole("row").filter({ hasText: "alerts@status-page.example" });
  await expect(row).toContainText("Trusted sender");

  const posts = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/settings/allow_policies"));
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body).toEqual({
    pattern: "alerts@status-page.example",
    pattern_type: "EMAIL",
    is_regex: false,
    comments: null,
    verify_sender: true,
    is_trusted_sender: true,
    is_acceptable_sender: false,
    is_exempt_recipient: false,
  });
  const [entry] = await settingsTruth<AllowTruth[]>("/settings/allow_policies?pattern=alerts%40status-page.example");
  expect(entry).toMatchObject({ is_trusted_sender: true, is_acceptable_sender: false, is_exempt_recipient: false, verify_sender: true });
});
