import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./fixtures";
import { E2E } from "./env";
import { requestBulkJob } from "./approvals-helpers";
import { bulkUpstream } from "./bulk-helpers";
import { collectDialogs, collectPageErrors, openMessage, panel, tab, truth } from "./message-fixtures";

/**
 * Characters that change how text reads without being seen: C0/C1 controls (tab, LF and CR
 * aside), bidirectional overrides, embeddings, isolates and marks, zero-width and other invisible
 * formatting characters. Written out here, not imported: the page must agree with this list, not
 * with the function under test.
 */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/u;

/** Every piece of text a person can see or hear on the page: visible text, field values, tooltips, accessible names. */
async function unmarkedHidden(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => [
    document.title,
    document.body.innerText,
    ...Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"), (e) => e.value),
    ...Array.from(document.querySelectorAll("[title], [aria-label]"), (e) => `${e.getAttribute("title") ?? ""} ${e.getAttribute("aria-label") ?? ""}`),
  ]);
  return texts.filter((t) => HIDDEN.test(t)).map((t) => {
    const at = t.search(HIDDEN);
    return JSON.stringify(t.slice(Math.max(0, at - 40), at + 40));
  });
}

async function expectRevealed(page: Page, where: string) {
  expect(await unmarkedHidden(page), `unmarked hidden characters on ${where}`).toEqual([]);
}

// The attacker writes the mail; the reader is anyone in the team. An admin walks it because only
// an admin sees every page (audit, approvals) the hostile text reaches.
test("the hostile message's hidden characters are marked on every page that shows them, and obeyed on none", async ({ page, simulator }) => {
  test.setTimeout(120_000);
  const dialogs = collectDialogs(page);
  const errors = collectPageErrors(page);
  const { hostileId } = await simulator.fixtures();
  const hostile = await truth.detail(hostileId);
  const sender = hostile.from ?? "";
  expect(hostile.subject).toContain("\u202Egpj.exe");
  const stamp = Date.now();

  // The list.
  await page.goto(`/messages?sender=${encodeURIComponent(sender)}&detections_only=false`);
  const row = page.locator(`[data-row-id="${hostileId}"]`);
  await expect(row).toContainText("Invoice ⟨RLO⟩gpj.exe overdue ⟨ZWSP⟩⟨ZWJ⟩");
  await expect(row).toContainText("IT⟨ZWSP⟩ Support ⟨RLO⟩eciovni");
  await expectRevealed(page, "the list");

  // The list's CSV export: the same markers.
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /Export this page/ }).click();
  const csv = (await readFile((await (await csvDownload).path())!)).toString("utf8").replace(/^\ufeff/, "");
  expect(csv).toContain("Invoice ⟨RLO⟩gpj.exe overdue ⟨ZWSP⟩⟨ZWJ⟩");
  expect(csv).not.toMatch(HIDDEN);

  // The message page, every tab, the header and the Overview's sender name included.
  await openMessage(page, hostileId);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invoice ⟨RLO⟩gpj.exe");
  await expect(panel(page)).toContainText("IT⟨ZWSP⟩ Support ⟨RLO⟩eciovni");
  await expectRevealed(page, "the Overview tab");
  for (const [name, shows] of [
    ["Detections", "invoice_⟨RLO⟩fdp.exe"],
    ["Trace", "Inbound"],
    ["Raw", "⟨RLO⟩exe.fdp"],
    ["Action log", "Cloudflare action log"],
  ] as const) {
    await tab(page, name).click();
    await expect(panel(page)).toContainText(shows);
    await expectRevealed(page, `the ${name} tab`);
  }

  // The evidence pack's manifest names the message by its subject, revealed; message.eml keeps the original.
  const evidenceDownload = page.waitForEvent("download");
  await page.getByRole("region", { name: "Actions" }).getByRole("button", { name: "Download evidence" }).click();
  const files = unzipSync(new Uint8Array(await readFile((await (await evidenceDownload).path())!)));
  const manifest = strFromU8(files["manifest.json"]!);
  expect(manifest).toContain("Invoice ⟨RLO⟩gpj.exe overdue ⟨ZWSP⟩⟨ZWJ⟩");
  expect(manifest).not.toMatch(HIDDEN);

  // The dialogs name the message by its subject.
  const actions = page.getByRole("region", { name: "Actions" });
  await actions.getByRole("button", { name: "Reclassify…" }).click();
  const reclassify = page.getByRole("dialog", { name: "Reclassify message" });
  await expect(reclassify).toContainText("Invoice ⟨RLO⟩gpj.exe");
  await expectRevealed(page, "the reclassify dialog");
  await reclassify.getByRole("button", { name: "Cancel" }).click();

  // A block made from the message: the prefilled comment, then the Policies page showing it.
  await tab(page, "Overview").click();
  const policies = page.getByRole("group", { name: "Sender policies" });
  await policies.getByRole("button", { name: "Block sender…" }).click();
  const block = page.getByRole("dialog", { name: "Block sender" });
  await expect(block.getByLabel("Comment")).toHaveValue(/Invoice ⟨RLO⟩gpj\.exe/);
  await expectRevealed(page, "the block dialog");
  // A pattern of this run's own, so the journey can run again against the same simulator.
  const pattern = `hostile-${stamp}@evil-markup.invalid`;
  await block.getByLabel("Pattern", { exact: true }).fill(pattern);
  await block.getByRole("button", { name: "Block", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Blocked ${pattern}.` })).toBeVisible();
  await page.goto(`/policies?tab=blocked&search=${encodeURIComponent(pattern)}`);
  await expect(page.getByRole("table")).toContainText("Invoice ⟨RLO⟩gpj.exe");
  await expectRevealed(page, "the Policies page");

  // A submission carrying hidden characters. Not of the hostile message itself: a reclassify leaves a
  // line in its trace, which other journeys read as it was generated. The long-thread fixture's
  // subject hides a zero-width space; a reclassify to the verdict it already has changes nothing else.
  const thread = (await simulator.search({ sender: "forwarder@long-thread.test", detections_only: "false" })).result[0];
  expect(thread?.subject).toContain("revised\u200B schedule");
  const reclassified = await page.request.post(`/api/email-security/investigate/${encodeURIComponent(thread!.id)}/reclassify`, {
    data: { expected_disposition: thread!.final_disposition },
    headers: { origin: E2E.consoleUrl },
  });
  expect(reclassified.ok()).toBe(true);
  await page.goto("/submissions?query=quarterly");
  await expect(page.getByRole("table", { name: "Submissions" })).toContainText("revised⟨ZWSP⟩ schedule");
  await expectRevealed(page, "the Submissions page");

  // The bulk dry run.
  await page.goto(`/bulk/new?sender=${encodeURIComponent(sender)}&range=30d`);
  await expect(page.getByRole("region", { name: "Dry run" })).toContainText("Invoice ⟨RLO⟩gpj.exe");
  await expectRevealed(page, "the bulk dry run");

  // A job whose comment carries an override, on the jobs list and its own page.
  const job = await bulkUpstream.create({
    action: "MOVE",
    destination: "JunkEmail",
    search_params: { query: `no-such-term-e2e-hostile-${stamp}` },
    comment: `e2e hostile ${stamp} \u202Efdp.exe\u200B`,
  });
  await bulkUpstream.waitUntilFinished(job.job_id);
  await page.goto(`/bulk/${job.job_id}`);
  await expect(page.getByRole("main")).toContainText(`e2e hostile ${stamp} ⟨RLO⟩fdp.exe⟨ZWSP⟩`);
  await expectRevealed(page, "the job page");
  await page.goto("/bulk");
  await expect(page.getByRole("main")).toContainText(`e2e hostile ${stamp} ⟨RLO⟩fdp.exe⟨ZWSP⟩`);
  await expectRevealed(page, "the jobs list");

  // A release of the hostile mail waits for a second admin: its request shows the dry-run sample.
  const asked = await requestBulkJob(page, { action: "RELEASE", search_params: { sender }, comment: `e2e hostile approval ${stamp} \u2066x\u2069` });
  expect(asked.status).toBe(202);
  await page.goto(`/approvals/${asked.json.result.approval.id as string}`);
  await expect(page.getByRole("main")).toContainText("Invoice ⟨RLO⟩gpj.exe");
  await expect(page.getByRole("main")).toContainText(`e2e hostile approval ${stamp} ⟨LRI⟩x⟨PDI⟩`);
  await expectRevealed(page, "the approval request");

  // The audit trail.
  await page.goto("/audit");
  await expect(page.getByRole("table", { name: "Audit trail" })).toBeVisible();
  await expectRevealed(page, "the audit trail");

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
