import { expect, test, waitForRows } from "./fixtures";

test("a search Cloudflare is still running is shown as such and polled", async ({ page, simulator }) => {
  await simulator.setFaults([{ match: "/investigate", method: "GET", pendingSearch: true, times: 2 }]);
  await page.goto("/messages?detections_only=false&subject=invoice");
  await expect(page.getByRole("status").filter({ hasText: "Search still running" })).toBeVisible();
  await waitForRows(page);
  await expect(page.getByRole("status").filter({ hasText: "Search still running" })).toHaveCount(0);
});
