import { E2E } from "./env";
import { expect, test } from "./fixtures";
import { messagePath, panel, tab, truth } from "./message-fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a link to ?tab=trace opens the Trace tab, survives a reload, and Copy link copies it", async ({ page, simulator }) => {
  const { deliveredId } = await simulator.fixtures();
  const trace = await truth.trace(deliveredId);
  await page.goto(messagePath(deliveredId, "trace"));

  await expect(tab(page, "Trace")).toHaveAttribute("aria-selected", "true");
  await expect(tab(page, "Overview")).toHaveAttribute("aria-selected", "false");
  await expect(panel(page).getByRole("region", { name: "Inbound" }).getByRole("listitem")).toHaveCount(trace.inbound?.lines?.length ?? 0);

  await page.reload();
  await expect(tab(page, "Trace")).toHaveAttribute("aria-selected", "true");

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${E2E.consoleUrl}${messagePath(deliveredId, "trace")}`);

  // A tab that does not exist opens the Overview and says so.
  await page.goto(messagePath(deliveredId, "nonsense"));
  await expect(tab(page, "Overview")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("note")).toContainText("“nonsense” that does not exist");
});
