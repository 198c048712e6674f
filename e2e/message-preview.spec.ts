import { expect, test } from "./fixtures";
import { openMessage, panel, truth } from "./message-fixtures";

test("a message without a preview offers Generate preview, shows progress, then the screenshot", async ({ page, simulator }) => {
  const { noPreviewId } = await simulator.fixtures();
  // Another run may have generated it already; then find one that still has none.
  let id = noPreviewId;
  if (await truth.hasPreview(id)) {
    const { result } = await simulator.search({ detections_only: "false", per_page: "100" });
    const candidates = result.map((m) => m.id);
    let found: string | undefined;
    for (const candidate of candidates) {
      if (!(await truth.hasPreview(candidate))) {
        found = candidate;
        break;
      }
    }
    if (!found) throw new Error("no message without a preview");
    id = found;
  }

  await openMessage(page, id, "preview");
  await expect(panel(page)).toContainText("No preview exists for this message yet");
  await simulator.setFaults([{ match: "/investigate/preview", method: "POST", latencyMs: 1200, times: 1 }]);
  await panel(page).getByRole("button", { name: "Generate preview" }).click();
  await expect(panel(page).getByRole("status")).toHaveText("Generating preview…");
  await expect(panel(page).getByRole("button", { name: "Generate preview" })).toBeDisabled();

  const image = panel(page).getByRole("img", { name: /Screenshot of the message/ });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(await truth.hasPreview(id)).toBe(true);

  // The page's own record follows: the preview is in Cloudflare's action log.
  await page.keyboard.press("6");
  await expect(panel(page).getByRole("table", { name: "Action log" }).locator("tbody tr").first()).toContainText("Preview generated");
});
