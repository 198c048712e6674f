import { expect, test } from "./fixtures";
import { collectDialogs, collectPageErrors, openMessage, panel, tab } from "./message-fixtures";

test("a message full of markup and script executes nothing on any tab", async ({ page, simulator }) => {
  const dialogs = collectDialogs(page);
  const errors = collectPageErrors(page);
  const { hostileId } = await simulator.fixtures();
  await openMessage(page, hostileId);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<img src=x onerror=alert(1)>");

  // The hostile link is shown defanged, never as a live link.
  await expect(panel(page)).toContainText("javascript[:]alert(1)");
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);

  await tab(page, "Detections").click();
  await expect(panel(page).getByRole("table", { name: "Headers" })).toContainText("<script>alert(1)</script><img src=x onerror=alert(1)>");

  await tab(page, "Trace").click();
  await expect(panel(page).getByRole("region", { name: "Inbound" })).toBeVisible();

  await tab(page, "Preview").click();
  await expect(panel(page).getByRole("img", { name: /Screenshot of the message/ })).toBeVisible();

  await tab(page, "Raw").click();
  const parts = panel(page).getByRole("region", { name: /Body parts/ });
  await expect(parts.getByLabel("HTML body source")).toContainText("<script>alert(1)</script><img src=x onerror=alert(1)>");
  await expect(panel(page).getByLabel("Source text")).toContainText("X-Campaign-Note");

  await tab(page, "Action log").click();
  await expect(panel(page).getByRole("heading", { name: /Cloudflare action log/ })).toBeVisible();

  // Nothing from the mail became markup: the only image is Cloudflare's screenshot (a data: PNG),
  // no script, iframe or object sits in the page body, and nothing ran.
  await expect(page.locator("main script, main iframe, main object, main embed, main svg script")).toHaveCount(0);
  const imageSources = await page.locator("main img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 22)));
  expect(imageSources.every((src) => src === "data:image/png;base64,")).toBe(true);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
