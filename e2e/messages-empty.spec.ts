import { expect, resultsTable, test, waitForRows } from "./fixtures";

test("an empty result names the active filters and offers to clear them", async ({ page, simulator }) => {
  const truth = await simulator.search({ sender: "nobody@nowhere.invalid" });
  expect(truth.result).toHaveLength(0);

  await page.goto("/messages?sender=nobody%40nowhere.invalid&final_disposition=SPAM");
  const table = resultsTable(page);
  await expect(table.getByText("No messages found")).toBeVisible();
  await expect(table).toContainText("Sender nobody@nowhere.invalid");
  await expect(table).toContainText("Disposition SPAM");
  await expect(page.getByRole("textbox", { name: "Sender", exact: true })).toHaveValue("nobody@nowhere.invalid");

  await table.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByRole("textbox", { name: "Sender", exact: true })).toHaveValue("");
  await waitForRows(page);
});
