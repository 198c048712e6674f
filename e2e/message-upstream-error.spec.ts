import { expect, test } from "./fixtures";
import { freshMessage } from "./message-fixtures";

test("when Cloudflare fails, the page says so with Retry, and Retry recovers", async ({ page, simulator }) => {
  // A message nobody has opened in this run: the console briefly caches what it has read.
  const { id: deliveredId } = await freshMessage("delivered", 11);
  await simulator.setFaults([{ match: `/investigate/${deliveredId}`, method: "GET", status: 503 }]);
  await page.goto(`/messages/${encodeURIComponent(deliveredId)}`);

  const alert = page.getByRole("alert").filter({ hasText: "Could not load this message" });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText("Cloudflare had a problem");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);

  await simulator.clearFaults();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
});
