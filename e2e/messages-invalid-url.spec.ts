import { expect, test } from "./fixtures";

test("invalid values in a pasted link are shown next to their filters, not as a crash", async ({ page, simulator }) => {
  await simulator.clearCalls();
  await page.goto("/messages?final_disposition=EVIL&start=yesterday&sender=a%40b.example&per_page=5000");
  await expect(page.getByRole("alert").filter({ hasText: "fix the highlighted filters" })).toBeVisible();
  const disposition = page.getByRole("combobox", { name: "Disposition", exact: true });
  await expect(disposition).toHaveAttribute("aria-invalid", "true");
  await expect(disposition).toHaveAccessibleDescription(/Invalid option/i);
  await expect(page.getByLabel("Start", { exact: true })).toHaveAccessibleDescription(/ISO-8601/);
  await expect(page.getByRole("textbox", { name: "Sender", exact: true })).toHaveValue("a@b.example");
  await expect(page.getByLabel("Page size")).toHaveAccessibleDescription("Page size must be at most 200");
  // Nothing half-valid was searched.
  expect((await simulator.calls()).filter((c) => c.method === "GET" && /investigate\/?$/.test(c.path))).toEqual([]);

  await disposition.selectOption("");
  await expect(page).not.toHaveURL(/final_disposition/);
});
