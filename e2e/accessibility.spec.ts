import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { bulkUpstream } from "./bulk-helpers";
import { expect, test } from "./fixtures";
import { messagePath, tab } from "./message-fixtures";
import { pageBackgroundLuminance } from "./theme-colors";

// axe-core on every page and every message tab, in the light and the dark theme: no serious or
// critical violation of WCAG 2.1 A/AA. The theme is the system's (emulated, switched on the loaded
// page), which is what most analysts will see; the chosen-theme path paints the same palette
// (dark-mode.spec.ts).

const SCHEMES = ["light", "dark"] as const;
const MESSAGE_TABS = ["Overview", "Detections", "Trace", "Preview", "Raw", "Action log"] as const;

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`) }));
  expect(serious, `${where}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** Loaded means nothing on the page still says it is loading. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0, { timeout: 30_000 });
}

test.describe("the check itself", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("sees what it is for: low-contrast text fails it", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Triage" })).toBeVisible();
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "Barely readable";
      p.style.cssText = "color:#8a8a8a;background:#9a9a9a";
      document.body.append(p);
    });
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2aa"]).analyze();
    expect(violations.map((v) => v.id)).toContain("color-contrast");
  });
});

/** Checks the page as it stands in each scheme: one load, both palettes (the theme is pure CSS). */
async function expectNoSeriousViolationsInEitherScheme(page: Page, where: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // The palette has really turned over before axe reads a colour.
    if (colorScheme === "dark") await expect.poll(() => pageBackgroundLuminance(page)).toBeLessThan(0.05);
    else await expect.poll(() => pageBackgroundLuminance(page)).toBeGreaterThan(0.8);
    await expectNoSeriousViolations(page, `${where} (${colorScheme})`);
  }
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("the sign-in page, light and dark", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in to Triage" })).toBeVisible();
    await expectNoSeriousViolationsInEitherScheme(page, "/signin");
  });
});

test("the console's pages, light and dark", async ({ page, simulator }) => {
  test.setTimeout(180_000);
  const { waveCampaigns } = await simulator.fixtures();
  const pages: { path: string; heading: RegExp }[] = [
    { path: `/campaigns/edf-${waveCampaigns.edfHash}?detections_only=false`, heading: /^Campaign: / },
    { path: "/phishguard", heading: /^PhishGuard reports$/ },
    { path: "/messages?detections_only=false&sender=it-support%40evil-markup.invalid", heading: /^Messages$/ },
    { path: "/bulk", heading: /^Bulk jobs$/ },
    { path: "/bulk/new", heading: /^New bulk job$/ },
    { path: "/audit", heading: /^Audit trail$/ },
    { path: "/policies", heading: /^Sender policies$/ },
    { path: "/submissions", heading: /^Submissions$/ },
  ];
  for (const { path, heading } of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible({ timeout: 30_000 });
    await settled(page);
    await expectNoSeriousViolationsInEitherScheme(page, path);
  }
});

test("a bulk job's page, light and dark", async ({ page }) => {
  const job = await bulkUpstream.create({ action: "MOVE", destination: "JunkEmail", search_params: { query: "no-such-term-e2e-axe" }, comment: "axe" });
  await bulkUpstream.waitUntilFinished(job.job_id);
  await page.goto(`/bulk/${job.job_id}`);
  await expect(page.getByRole("region", { name: "Job summary" })).toBeVisible({ timeout: 30_000 });
  await settled(page);
  await expectNoSeriousViolationsInEitherScheme(page, `/bulk/${job.job_id}`);
});

test("every tab of a message, light and dark", async ({ page, simulator }) => {
  test.setTimeout(180_000);
  const { quarantinedId } = await simulator.fixtures();
  await page.goto(messagePath(quarantinedId));
  for (const name of MESSAGE_TABS) {
    await tab(page, name).click();
    await expect(tab(page, name)).toHaveAttribute("aria-selected", "true");
    await settled(page);
    await expectNoSeriousViolationsInEitherScheme(page, `message tab ${name}`);
  }
  // The dialogs and menus are part of the page too.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await expectNoSeriousViolationsInEitherScheme(page, "the shortcuts dialog");
});
