import { expect, test } from "./fixtures";
import { freshMessage, openMessage, panel, tab, truth } from "./message-fixtures";

test("reclassify: the dialog names the expected disposition, the submission shows on the page and in the log", async ({ page, simulator }) => {
  const message = await freshMessage("delivered", 7);
  await openMessage(page, message.id);
  await simulator.clearCalls();

  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: "Reclassify message" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Expected disposition").selectOption("SPAM");
  await expect(dialog).toContainText(`re-evaluate the message as SPAM (its verdict is now ${message.final_disposition})`);
  await dialog.getByRole("button", { name: "Reclassify as SPAM" }).click();

  const actions = page.getByRole("region", { name: "Actions" });
  await expect(actions.getByRole("status").filter({ hasText: "Reclassification as SPAM submitted" })).toBeVisible();
  const sent = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/reclassify"));
  expect(sent).toHaveLength(1);
  expect(sent[0]?.body).toMatchObject({ expected_disposition: "SPAM" });

  // The page refetched: the overview lists the submission among the actions taken.
  await expect(panel(page)).toContainText("SUBMISSION");
  expect((await truth.detail(message.id)).post_delivery_operations).toContain("SUBMISSION");

  await tab(page, "Action log").click();
  await expect(panel(page).getByRole("table", { name: "Action log" }).locator("tbody tr").first()).toContainText("Reclassification submitted");
  await expect(panel(page).getByRole("table", { name: "Console actions" }).locator("tbody tr").first()).toContainText("Reclassify as SPAM");
});
