import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { openMessage } from "./message-fixtures";
import { unblockedExternalMessage } from "./policies-fixtures";

test.describe("a viewer", () => {
  test.use({ storageState: STORAGE_STATE.viewer });

  test("reads the policies but can neither block nor allow, and is told why", async ({ page, simulator }) => {
    const message = await unblockedExternalMessage(5);
    await simulator.clearCalls();
    await openMessage(page, message.id);
    const policies = page.getByRole("group", { name: "Sender policies" });
    const block = policies.getByRole("button", { name: "Block sender…" });
    const allow = policies.getByRole("button", { name: "Allow sender…" });
    await expect(block).toBeDisabled();
    await expect(block).toHaveAccessibleDescription(/block: needs the analyst role/i);
    await expect(allow).toBeDisabled();
    await expect(allow).toHaveAccessibleDescription(/allow: needs the admin role/i);

    await page.goto("/policies");
    const table = page.getByRole("table", { name: "Blocked senders" });
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await expect(table.getByRole("button", { name: /^Delete / }).first()).toBeDisabled();
    await expect(page.getByText("Changing blocks: needs the analyst role.")).toBeVisible();
    const writes = (await simulator.calls()).filter((c) => c.method !== "GET");
    expect(writes).toEqual([]);
  });
});

test.describe("an analyst", () => {
  test.use({ storageState: STORAGE_STATE.analyst });

  test("may block but not create an allow policy, in the page or through the API", async ({ page, simulator }) => {
    const message = await unblockedExternalMessage(6);
    await simulator.clearCalls();
    await openMessage(page, message.id);
    const policies = page.getByRole("group", { name: "Sender policies" });
    await expect(policies.getByRole("button", { name: "Block sender…" })).toBeEnabled();
    const allow = policies.getByRole("button", { name: "Allow sender…" });
    await expect(allow).toBeDisabled();
    await expect(allow).toHaveAccessibleDescription(/needs the admin role/i);

    // The server refuses too: a hand-made request is a 403 and never reaches Cloudflare.
    const response = await page.request.post("/api/email-security/settings/allow_policies", {
      data: { pattern: String(message.from), pattern_type: "EMAIL", is_regex: false, kind: "is_trusted_sender", verify_sender: true },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/needs the admin role/i);

    await page.goto("/policies?tab=allowed");
    const table = page.getByRole("table", { name: "Allow policies" });
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await expect(table.getByRole("button", { name: /^Delete / }).first()).toBeDisabled();
    const writes = (await simulator.calls()).filter((c) => c.method !== "GET");
    expect(writes).toEqual([]);
  });
});
