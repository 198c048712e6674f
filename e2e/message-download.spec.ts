import { readFile } from "node:fs/promises";
import PostalMime from "postal-mime";
import { expect, test } from "./fixtures";
import { openMessage, panel, truth } from "./message-fixtures";

test("the Raw tab of a multi-megabyte message lays out only its start, and Download .eml gives a file that parses", async ({ page, simulator }) => {
  const { hugeId } = await simulator.fixtures();
  const [detail, raw] = await Promise.all([truth.detail(hugeId), truth.raw(hugeId)]);
  expect(raw.length).toBeGreaterThan(3_000_000);
  await openMessage(page, hugeId);

  await page.keyboard.press("5");
  const parts = panel(page).getByRole("region", { name: /Body parts/ });
  await expect(parts).toContainText("board-pack-scanned.pdf", { timeout: 15_000 });
  await expect(panel(page).getByRole("button", { name: "Show all of source text" })).toBeVisible();
  // Only the first part of the source is laid out until asked (how fast that is: `npm run bench`).
  const shown = await panel(page).getByLabel("Source text").evaluate((pre) => pre.textContent?.length ?? 0);
  expect(shown).toBeLessThan(100_000);

  const [download] = await Promise.all([page.waitForEvent("download"), panel(page).getByRole("button", { name: "Download .eml" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^[\p{L}\p{N} _-]+\.eml$/u);
  expect(download.suggestedFilename()).toContain("Scanned board pack");
  const path = await download.path();
  const bytes = await readFile(path);
  expect(bytes.length).toBe(Buffer.byteLength(raw, "utf8"));

  const email = await PostalMime.parse(bytes);
  expect(email.subject).toBe(detail.subject);
  expect(email.messageId).toBe(detail.message_id);
  expect(email.attachments.map((a) => a.filename)).toContain("board-pack-scanned.pdf");
});
