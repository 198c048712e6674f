// In Chromium: how long a filter takes from the Search click to painted rows, and how long the
// Raw tab of the multi-megabyte message takes to show its text. Timings are taken inside the page
// with performance.now(), so the automation's round trips are not counted.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Locator, type Page } from "@playwright/test";
import { isRead, type Relay } from "./relay";
import { summarize, type Summary } from "./stats";

export interface RowsResult {
  requestedRows: number;
  /** The page size measured: the requested one, or the largest the UI offers below it. */
  rows: number;
  note?: string;
  filters: string[];
  /** Click → the expected rows are in the DOM. */
  domMs: Summary;
  /** Click → the first animation frame after that (the frame that paints them). */
  paintMs: Summary;
  /** The search's own time upstream (at the relay), the floor the paint is compared with. */
  upstreamMs: Summary | null;
}

export interface RawTabResult {
  /** Click on "Raw" → the start of the source text is visible and a frame has passed. */
  visibleMs: Summary;
  /** Click on "Raw" → the parsed headers table is shown. */
  parsedMs: Summary | null;
}

export interface BrowserResults {
  version: string | null;
  rows: RowsResult[];
  rawTab: RawTabResult | null;
  errors: { section: string; message: string }[];
}

export interface BrowserOptions {
  consoleUrl: string;
  cookie: { name: string; value: string };
  hugeId: string;
  sizes: number[];
  rowRepeats: number;
  rawRepeats: number;
  /** The recording relay in front of the simulator, when there is one. */
  relay?: Relay;
  /** The console API's answer for a filter: how many rows and which comes first. */
  expect: (query: string) => Promise<{ count: number; firstId: string | null }>;
}

/** Filters typed into the form; each matches more than 200 detections in the simulator's data set. */
const FILTERS: { label: string; param: string; value: string }[] = [
  { label: "Recipient", param: "recipient", value: "acme.example" },
  { label: "Domain", param: "domain", value: "acme.example" },
];

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** A missing control is reported by what a person would look for, so whoever builds the UI knows what to add. */
class MissingUi extends Error {
  override name = "MissingUi";
}

async function need(page: Page, what: string, locator: Locator, timeoutMs = 20_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: "visible", timeout: timeoutMs });
  } catch {
    throw new MissingUi(`UI element missing on ${new URL(page.url()).pathname}: ${what} (not visible within ${timeoutMs / 1000} s)`);
  }
}

// The in-page measurements are plain JavaScript source: tsx would otherwise add its helpers
// (e.g. __name) to a function, which do not exist in the browser.
const MEASURE_ROWS = `(async ({ count, firstId, timeoutMs }) => {
  const form = document.querySelector('form[role="search"]');
  const button = form && [...form.querySelectorAll('button[type="submit"]')].find((b) => b.textContent.trim() === "Search");
  if (!button) throw new Error('no "Search" submit button in the filter form');
  const old = new Set(document.querySelectorAll("tr[data-row-id]"));
  return await new Promise((resolve, reject) => {
    let done = false;
    let settled = false;
    let t0 = 0;
    const finish = (error, value) => {
      if (settled) return;
      settled = true;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      if (error) reject(error); else resolve(value);
    };
    const check = () => {
      if (done) return;
      const table = document.querySelector('table[aria-label="Messages"]');
      if (!table || table.getAttribute("aria-busy") === "true") return;
      const rows = table.querySelectorAll("tbody tr[data-row-id]");
      if (rows.length !== count || old.has(rows[0]) || (firstId !== null && rows[0].getAttribute("data-row-id") !== firstId)) return;
      const domMs = performance.now() - t0;
      done = true;
      requestAnimationFrame(() => finish(null, { domMs, paintMs: performance.now() - t0 }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-busy"] });
    const timer = setTimeout(() => {
      const shown = document.querySelectorAll('table[aria-label="Messages"] tbody tr[data-row-id]').length;
      finish(new Error("expected " + count + " new rows within " + timeoutMs + " ms; " + shown + " rows shown"));
    }, timeoutMs);
    t0 = performance.now();
    button.click();
  });
})`;

const MEASURE_RAW = `(async ({ timeoutMs, parsedTimeoutMs }) => {
  const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.trim() === "Raw");
  if (!tab) throw new Error('no tab named "Raw"');
  const visible = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
  // The source's start (the tab lays out only its first characters of a huge message).
  const sourceShown = () => [...document.querySelectorAll('[role="tabpanel"] pre[aria-label="Source text"]')].find((p) => visible(p) && p.textContent.length > 0);
  const parsedShown = () => visible(document.querySelector('table[aria-label="Raw headers"]'));
  return await new Promise((resolve, reject) => {
    let t0 = 0;
    let visibleMs = null;
    let settled = false;
    const finish = (error, value) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      if (error) reject(error); else resolve(value);
    };
    const check = () => {
      if (visibleMs === null && sourceShown()) {
        visibleMs = -1;
        requestAnimationFrame(() => {
          visibleMs = performance.now() - t0;
          clearTimeout(timer);
          timer = setTimeout(() => finish(null, { visibleMs, parsedMs: null }), parsedTimeoutMs);
          check();
        });
      }
      if (visibleMs !== null && visibleMs >= 0 && parsedShown()) {
        const parsedMs = performance.now() - t0;
        finish(null, { visibleMs, parsedMs });
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    let timer = setTimeout(() => finish(new Error("the raw source text was not visible within " + timeoutMs + " ms")), timeoutMs);
    t0 = performance.now();
    // Radix tabs switch on mousedown (a bare click() event selects nothing).
    tab.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 }));
    tab.click();
  });
})`;

async function evaluate<T>(page: Page, source: string, arg: unknown): Promise<T> {
  return (await page.evaluate(`${source}(${JSON.stringify(arg)})`)) as T;
}

/** A filter field, opening "More filters" when the bar keeps it there. */
async function showField(page: Page, label: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  if (!(await field.isVisible())) {
    const more = page.getByRole("button", { name: /^More filters/ });
    if (await more.isVisible()) await more.click();
  }
  await need(page, `text field "${label}"`, field);
}

async function measureRows(page: Page, options: BrowserOptions, requested: number): Promise<RowsResult> {
  const table = page.getByRole("table", { name: "Messages" });
  await page.goto(`${options.consoleUrl}/messages`);
  await need(page, 'search form "Message filters"', page.getByRole("search", { name: "Message filters" }));
  await need(page, 'table named "Messages"', table);
  // The label wraps the select, so its accessible name ends with the chosen value ("Page size 50").
  const pageSize = page.getByRole("combobox", { name: /^Page size\b/ });
  await need(page, 'select "Page size"', pageSize);
  const offered = (await pageSize.locator("option").allTextContents()).map(Number).filter(Number.isFinite);
  let rows = requested;
  let note: string | undefined;
  if (!offered.includes(requested)) {
    const below = offered.filter((n) => n < requested);
    if (below.length === 0) throw new MissingUi(`page size ${requested} (or smaller) is not offered; options: ${offered.join(", ")}`);
    rows = Math.max(...below);
    note = `page size ${requested} is not offered by the UI (options ${offered.join(", ")}); measured ${rows}`;
  }
  for (const f of FILTERS) await showField(page, f.label);
  await need(page, 'button "Search"', page.getByRole("button", { name: "Search", exact: true }));

  const domMs: number[] = [];
  const paintMs: number[] = [];
  const upstreamMs: number[] = [];
  // One untimed round first: it loads the code paths and warms the server for this page size.
  for (let i = 0; i <= options.rowRepeats; i++) {
    const filter = FILTERS[i % FILTERS.length]!;
    // A fresh page each time: React Query's cache would otherwise answer a repeated filter instantly.
    await page.goto(`${options.consoleUrl}/messages?per_page=${rows}`);
    await table.locator("tbody tr[data-row-id]").first().waitFor({ timeout: 20_000 });
    const expected = await options.expect(`${filter.param}=${encodeURIComponent(filter.value)}&per_page=${rows}`);
    if (expected.count === 0) throw new Error(`filter ${filter.label}=${filter.value} matches no messages`);
    await showField(page, filter.label);
    await page.getByLabel(filter.label, { exact: true }).fill(filter.value);
    const mark = options.relay?.calls.length ?? 0;
    const timing = await evaluate<{ domMs: number; paintMs: number }>(page, MEASURE_ROWS, { ...expected, timeoutMs: 20_000 });
    if (i === 0) continue;
    const searches = options.relay?.since(mark).filter((c) => isRead(c) && c.operation === "investigate" && Number.isFinite(c.ms)) ?? [];
    if (searches.length > 0) upstreamMs.push(searches.reduce((sum, c) => sum + c.ms, 0));
    domMs.push(timing.domMs);
    paintMs.push(timing.paintMs);
  }
  return {
    requestedRows: requested,
    rows,
    note,
    filters: FILTERS.map((f) => `${f.label}=${f.value}`),
    domMs: summarize(domMs),
    paintMs: summarize(paintMs),
    upstreamMs: upstreamMs.length ? summarize(upstreamMs) : null,
  };
}

async function measureRawTab(page: Page, options: BrowserOptions): Promise<RawTabResult> {
  const url = `${options.consoleUrl}/messages/${encodeURIComponent(options.hugeId)}`;
  const visibleMs: number[] = [];
  const parsedMs: number[] = [];
  for (let i = 0; i <= options.rawRepeats; i++) {
    await page.goto(url);
    await need(page, 'tab named "Raw"', page.getByRole("tab", { name: "Raw", exact: true }));
    // The message header (loaded with the page's data) first: the timing is the Raw tab's alone.
    await page.getByRole("tabpanel").first().waitFor({ timeout: 20_000 });
    const timing = await evaluate<{ visibleMs: number; parsedMs: number | null }>(page, MEASURE_RAW, { timeoutMs: 30_000, parsedTimeoutMs: 15_000 });
    if (i === 0) continue;
    visibleMs.push(timing.visibleMs);
    if (timing.parsedMs !== null) parsedMs.push(timing.parsedMs);
  }
  return { visibleMs: summarize(visibleMs), parsedMs: parsedMs.length ? summarize(parsedMs) : null };
}

export async function measureInBrowser(options: BrowserOptions, register: (close: () => Promise<void>) => void): Promise<BrowserResults> {
  const results: BrowserResults = { version: null, rows: [], rawTab: null, errors: [] };
  const browser: Browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ARGS,
    timeout: 60_000,
  });
  register(() => browser.close());
  results.version = browser.version();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ ...options.cookie, url: options.consoleUrl, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.setDefaultNavigationTimeout(30_000);
    for (const size of options.sizes) {
      try {
        results.rows.push(await measureRows(page, options, size));
      } catch (error) {
        results.errors.push({ section: `rows ${size}`, message: error instanceof Error ? error.message : String(error) });
      }
    }
    try {
      results.rawTab = await measureRawTab(page, options);
    } catch (error) {
      results.errors.push({ section: "raw tab", message: error instanceof Error ? error.message : String(error) });
    }
  } finally {
    await browser.close();
  }
  return results;
}
