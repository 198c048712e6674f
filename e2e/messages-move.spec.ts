import { expect, messageRows, shownIds, test, waitForRows } from "./fixtures";

test("select two messages, move them, and see their new status", async ({ page, simulator }) => {
  await simulator.reset();
  await page.goto("/messages?delivery_status=delivered&detections_only=false&per_page=25");
  await waitForRows(page);
  const ids = (await shownIds(page)).slice(0, 2);
  expect(ids).toHaveLength(2);

  const checkboxes = page.getByRole("checkbox", { name: "Select message" });
  await checkboxes.nth(0).check();
  await checkboxes.nth(1).check();
  const bar = page.getByRole("region", { name: "Selection actions" });
  await expect(bar).toContainText("2 messages selected");

  await simulator.clearCalls();
  await bar.getByRole("button", { name: "Move…" }).click();

  const dialog = page.getByRole("dialog", { name: "Move 2 messages" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: "Junk" }).check();
  await expect(dialog).toContainText("2 messages will be moved to Junk in the recipients' mailboxes: the user still sees it.");
  await dialog.getByRole("button", { name: "Move 2 messages to Junk" }).click();

  const done = page.getByRole("dialog", { name: "Move finished" });
  await expect(done.getByRole("status")).toHaveText("2 messages moved, 0 failed.");
  await expect(done.getByRole("list", { name: "Outcome per message" }).getByRole("listitem")).toHaveCount(2);
  await expect(done).toContainText("Moved to JunkEmail");

  // Exactly one move request went upstream, for those two ids.
  const moves = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.endsWith("/investigate/move"));
  expect(moves).toHaveLength(1);
  expect(moves[0]?.body).toMatchObject({ destination: "JunkEmail", ids });

  await done.getByRole("button", { name: "Close" }).click();
  await expect(bar).toBeHidden();
  // The list refreshed: the moved messages are no longer "delivered".
  await expect.poll(async () => (await shownIds(page)).filter((id) => ids.includes(id))).toEqual([]);

  await page.getByRole("button", { name: /^More filters/ }).click();
  await page.getByRole("combobox", { name: "Delivery status", exact: true }).selectOption("moved");
  await waitForRows(page);
  for (const id of ids) {
    const row = messageRows(page).and(page.locator(`[data-row-id="${id}"]`));
    await expect(row.getByText("moved", { exact: true })).toBeVisible();
  }
  await simulator.reset();
});
