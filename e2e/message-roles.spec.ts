import { STORAGE_STATE } from "./env";
import { expect, test } from "./fixtures";
import { openMessage, panel } from "./message-fixtures";

test.use({ storageState: STORAGE_STATE.viewer });

test("a viewer sees the message but the actions are disabled with the reason shown", async ({ page, simulator }) => {
  const { quarantinedId, noPreviewId } = await simulator.fixtures();
  await simulator.clearCalls();
  await openMessage(page, quarantinedId);

  const actions = page.getByRole("region", { name: "Actions" });
  for (const name of [/^Move/, /^Release/, /^Reclassify/]) {
    const button = actions.getByRole("button", { name });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/needs the analyst role/i);
  }
  await expect(actions).toContainText("needs the analyst role");

  await page.keyboard.press("m");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(actions.getByRole("alert")).toContainText("Move is not available to you: Needs the analyst role");

  await page.goto(`/messages/${encodeURIComponent(noPreviewId)}?tab=preview`);
  const generate = panel(page).getByRole("button", { name: "Generate preview" });
  if (await generate.count()) {
    await expect(generate).toBeDisabled();
    await expect(panel(page)).toContainText("Needs the analyst role");
  }
  const writes = (await simulator.calls()).filter((c) => c.method === "POST");
  expect(writes).toEqual([]);
});
