import { expect, test, waitForRows } from "./fixtures";

test("an upstream error is shown with its message and a Retry that works", async ({ page, simulator }) => {
  // Enough failures to outlast the server's own retry of a read.
  await simulator.setFaults([{ match: "/investigate", method: "GET", status: 500, times: 20 }]);
  await page.goto("/messages?sender=payroll%40acme.example");
  const alert = page.getByRole("alert").filter({ hasText: "Could not load messages" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("button", { name: "Retry" })).toBeEnabled();
  // The server's words and status, never an upstream body or a stack.
  const message = await alert.innerText();
  expect(message).toMatch(/\b50\d\b/);
  expect(message).not.toMatch(/stack|at Object\.|client\/v4|"success"/i);

  await simulator.clearFaults();
  await page.goto("/messages?detections_only=false");
  await simulator.setFaults([{ match: "/investigate", method: "GET", status: 503, times: 20 }]);
  await page.getByRole("combobox", { name: "Disposition", exact: true }).selectOption("SPAM");
  await expect(alert).toBeVisible();
  await simulator.clearFaults();
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(alert).toBeHidden();
  await waitForRows(page);
});
