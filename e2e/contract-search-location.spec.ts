import { expect } from "@playwright/test";
import { contractTest } from "./contract-variance";
import { waitForRows } from "./fixtures";

const test = contractTest(["searchLocation"]);

test("a search Cloudflare is still running (202) is polled at its Location until the rows come", async ({ page, simulator, variance }) => {
  expect(variance).toBeTruthy();
  await simulator.clearCalls();
  await page.goto("/messages?detections_only=false&per_page=25&subject=a");
  await expect(page.getByRole("status").filter({ hasText: "Search still running at Cloudflare" })).toBeVisible();
  await waitForRows(page);
  await expect(page.getByRole("status").filter({ hasText: /Page 1 · \d+ messages? on this page/ })).toBeVisible();

  // The console asked once with the search, then at the Location: a different request.
  const gets = (await simulator.calls()).filter((c) => c.method === "GET" && c.path.includes("/email-security/investigate"));
  const asked = gets.map((c) => `${c.path}?${new URLSearchParams(c.query as Record<string, string>).toString()}`);
  expect(asked.length).toBeGreaterThan(1);
  expect(new Set(asked).size).toBeGreaterThan(1);
  expect(asked[0]).toContain("subject=a");
});
