import { expect, test } from "./fixtures";
import { openMessage, panel, tab, truth } from "./message-fixtures";

test("each tab of a known message shows what the simulator holds for it", async ({ page, simulator }) => {
  const { deliveredId } = await simulator.fixtures();
  const [detail, detections, trace] = await Promise.all([truth.detail(deliveredId), truth.detections(deliveredId), truth.trace(deliveredId)]);
  await openMessage(page, deliveredId);

  // Header, above the fold.
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(detail.subject ?? "");
  await expect(h1).toBeInViewport();
  const header = page.locator("header").filter({ has: h1 });
  await expect(header).toContainText(detail.from_name ?? "");
  await expect(header).toContainText(detail.final_disposition ?? "");
  for (const reason of detail.detection_reasons ?? []) await expect(header).toContainText(reason);

  // Overview: ids, authentication in words, the sender's network from detections, defanged.
  await expect(tab(page, "Overview")).toHaveAttribute("aria-selected", "true");
  const overview = panel(page);
  await expect(overview).toContainText(detail.message_id ?? "");
  await expect(overview).toContainText(`SPF ${detail.validation?.spf}`);
  const ip = detections.sender_info?.ip ?? "";
  await expect(overview).toContainText(ip.replace(/\./g, "[.]"));
  await expect(overview.getByRole("button", { name: "Copy original sender IP" })).toBeVisible();
  await expect(overview).toContainText(detections.sender_info?.as_name ?? "");

  // Detections: findings, attachments and a searchable headers table.
  await tab(page, "Detections").click();
  await expect(page).toHaveURL(/\?tab=detections$/);
  const findings = panel(page).getByRole("table", { name: "Findings" });
  await expect(findings.locator("tbody tr")).toHaveCount(detections.findings?.length ?? 0);
  const first = detections.findings?.[0];
  if (first?.reason) await expect(findings).toContainText(first.reason);
  const headers = panel(page).getByRole("table", { name: "Headers" });
  await expect(headers.locator("tbody tr")).toHaveCount(detections.headers?.length ?? 0);
  await panel(page).getByRole("searchbox", { name: "Search headers" }).fill("authentication-results");
  await expect(headers.locator("tbody tr")).toHaveCount((detections.headers ?? []).filter((h) => /authentication-results/i.test(h.name + h.value)).length);

  // Trace: both timelines, in order, with the simulator's lines. Keys do nothing while typing.
  await page.keyboard.press("3");
  await expect(panel(page).getByRole("searchbox", { name: "Search headers" })).toHaveValue("authentication-results3");
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("3");
  await expect(tab(page, "Trace")).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?tab=trace$/);
  const inbound = panel(page).getByRole("region", { name: "Inbound" });
  await expect(inbound.getByRole("listitem")).toHaveCount(trace.inbound?.lines?.length ?? 0);
  await expect(inbound.getByRole("listitem").first()).toContainText(trace.inbound?.lines?.[0]?.message ?? "");
  await expect(panel(page).getByRole("region", { name: "Outbound" })).toBeVisible();

  // Preview: the screenshot as an image.
  await tab(page, "Trace").focus();
  await page.keyboard.press("ArrowRight");
  await expect(tab(page, "Preview")).toHaveAttribute("aria-selected", "true");
  const image = panel(page).getByRole("img", { name: /Screenshot of the message/ });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await panel(page).getByRole("button", { name: "Zoom in" }).click();
  await expect(panel(page).getByRole("group", { name: "Zoom" })).toContainText("150%");

  // Raw: parsed headers and the source as text.
  await page.keyboard.press("5");
  await expect(tab(page, "Raw")).toHaveAttribute("aria-selected", "true");
  const rawHeaders = panel(page).getByRole("table", { name: "Raw headers" });
  await expect(rawHeaders.getByRole("row", { name: /^Message-ID/ })).toContainText(detail.message_id ?? "");
  await expect(panel(page).getByRole("region", { name: /Body parts/ })).toContainText("text/plain");
  await expect(panel(page).getByLabel("Source text")).toContainText("MIME-Version: 1.0");

  // Action log: Cloudflare's entries, newest first (as many as the simulator has now).
  await page.keyboard.press("6");
  await expect(tab(page, "Action log")).toHaveAttribute("aria-selected", "true");
  const log = await truth.actionLog(deliveredId);
  if (log.length === 0) {
    await expect(panel(page)).toContainText("Nothing has been done to this message");
  } else {
    await expect(panel(page).getByRole("table", { name: "Action log" }).locator("tbody tr")).toHaveCount(log.length);
  }
  await expect(panel(page).getByRole("heading", { name: "Console actions (who in the team did it)" })).toBeVisible();

  await page.keyboard.press("1");
  await expect(page).toHaveURL(new RegExp(`/messages/${encodeURIComponent(deliveredId)}$`));
});
