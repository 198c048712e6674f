import { expect, isListSearch, messageRows, test, waitForRows, type SimulatorCall } from "./fixtures";

// Each journey searches for something no other journey asks for, so no cached answer hides the fault.
const searchCalls = (calls: SimulatorCall[], sender: string) => calls.filter((c) => isListSearch(c) && c.query.sender === sender);

test("a 429 from Cloudflare is waited out as Retry-After says, and the page says when it will retry", async ({ page, simulator }) => {
  const sender = "acme-payro11.test";
  await simulator.clearCalls();
  await simulator.setFaults([{ match: "/investigate", method: "GET", status: 429, retryAfter: 2, times: 2 }]);
  await page.goto(`/messages?sender=${sender}&range=30d&per_page=25`);
  await expect(page.getByRole("status").filter({ hasText: /asked the console to slow down\. Retrying in \d+ s/ })).toBeVisible();
  await waitForRows(page);
  await expect(page.getByRole("status").filter({ hasText: /slow down/ })).toHaveCount(0);
  // Two refusals, then the answer: the console neither hammered Cloudflare nor gave up.
  expect(searchCalls(await simulator.calls(), sender)).toHaveLength(3);
});

test("a Cloudflare that never answers ends in a clear timeout message, not a hang, and Retry recovers", async ({ page, simulator }) => {
  const sender = "umbrella-logistics.test";
  await simulator.setFaults([{ match: "/investigate", method: "GET", timeout: true, times: 4 }]);
  await page.goto(`/messages?sender=${sender}&range=30d`);
  const alert = page.getByRole("alert").filter({ hasText: "Could not load messages" });
  await expect(alert).toContainText("did not answer in time", { timeout: 30_000 });
  await simulator.clearFaults();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(alert).toBeHidden();
  await expect(messageRows(page).first().or(page.getByText(/No messages match/))).toBeVisible();
});

test("a malformed reply is reported as unreadable, with Retry", async ({ page, simulator }) => {
  const fx = await simulator.fixtures();
  await simulator.setFaults([{ match: "/trace", method: "GET", malformed: true, times: 10 }]);
  await page.goto(`/messages/${encodeURIComponent(fx.undeliverableId)}?tab=trace`);
  const alert = page.getByRole("alert").filter({ hasText: /could not read/i });
  await expect(alert).toBeVisible();
  await simulator.clearFaults();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("heading", { name: /Inbound/i })).toBeVisible();
});
