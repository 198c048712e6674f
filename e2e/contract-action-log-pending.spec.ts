import { expect } from "@playwright/test";
import { E2E } from "./env";
import { contractTest } from "./contract-variance";
import { freshMessage } from "./message-fixtures";

const test = contractTest(["nullCompletedAt"]);

test("the action log shows an entry Cloudflare has not completed (null completed_at) instead of failing the tab", async ({ page, variance }) => {
  expect(variance).toBeTruthy();
  const message = await freshMessage("delivered", 41);
  // An action on the message, straight at Cloudflare (the simulator), so its log has an entry.
  const moved = await fetch(`${E2E.cloudflareApi}/${encodeURIComponent(message.id)}/move`, {
    method: "POST",
    headers: { authorization: `Bearer ${E2E.apiToken}`, "content-type": "application/json" },
    body: JSON.stringify({ destination: "JunkEmail" }),
  });
  expect(moved.ok).toBe(true);

  await page.goto(`/messages/${encodeURIComponent(message.id)}?tab=action-log`);
  const log = page.getByRole("table", { name: "Action log" });
  await expect(log).toBeVisible();
  const row = log.getByRole("row").filter({ hasText: "Moved" }).first();
  await expect(row).toBeVisible();
  // No completion time: the cell says so (a start time, or "—"), and nothing claims a time.
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^(—|started .+, not completed)$/);
  await expect(page.getByText("Cloudflare sent a reply the console could not read")).toHaveCount(0);
});
