// The analyst's loop, in Chromium, against the console whose Cloudflare is the recording relay
// (bench/relay.ts): open a message from the list, see its verdict and detections, go to the next
// with `j`, and so on. Reports the waits (in the page, performance.now(), so the automation's
// round trips are not counted) and the reads that reached "Cloudflare" per step.
import type { Browser, Page } from "@playwright/test";
import { isRead, type Relay } from "./relay";
import { summarize, type Summary } from "./stats";

export interface TriageResult {
  /** List click → the message's heading, verdict and tabs painted. */
  openMs: Summary;
  /** `j` → the next message's heading, verdict and tabs painted. */
  nextMs: Summary;
  /** Reads per open from the list (the list's own search not included), settled. */
  openReads: Summary;
  /** Reads per `j`, settled: the next one's prefetch is part of the message before it. */
  nextReads: Summary;
  /** The whole walk: every read from the first open to the last message settled, ÷ messages seen. */
  readsPerMessage: number;
  messages: number;
  /** Reads by operation over the whole walk. */
  byOperation: Record<string, number>;
  /** Extra tabs on the last message: reads each caused (the message is already read). */
  tabReads: Record<string, number>;
}

// Resolves when the page shows the message at `path`: its heading, verdict and tabs, one frame on.
// `start` is the trigger's time: the click it makes, or the last keydown before it was called.
const MEASURE_OPEN = `(async ({ path, clickSelector, timeoutMs }) => {
  const shown = () => location.pathname === path
    && document.querySelector("main header h1")
    && document.querySelector('main [role="tablist"]')
    && document.querySelector('main [role="tabpanel"]');
  return await new Promise((resolve, reject) => {
    let t0 = 0;
    let done = false;
    const check = () => {
      if (done || !shown()) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - t0));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => { done = true; observer.disconnect(); reject(new Error("message " + path + " not shown within " + timeoutMs + " ms")); }, timeoutMs);
    if (clickSelector) {
      const target = document.querySelector(clickSelector);
      if (!target) { reject(new Error("nothing to click: " + clickSelector)); return; }
      t0 = performance.now();
      target.click();
    } else {
      t0 = window.__benchKeyAt ?? performance.now();
    }
    // The URL may already have changed (a key press is sent before this runs).
    check();
  });
})`;

/** Waits until no read has reached the relay for `quietMs` (prefetches included), at most `maxMs`. */
async function settle(relay: Relay, quietMs = 600, maxMs = 8_000): Promise<void> {
  const started = Date.now();
  let last = relay.calls.length;
  let quietSince = Date.now();
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 100));
    if (relay.calls.length !== last) {
      last = relay.calls.length;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
  }
}

function count(relay: Relay, mark: number, into?: Record<string, number>): number {
  const reads = relay.since(mark).filter(isRead);
  if (into) for (const r of reads) into[r.operation] = (into[r.operation] ?? 0) + 1;
  return reads.length;
}

async function rowIds(page: Page): Promise<string[]> {
  return page.locator('table[aria-label="Messages"] tbody tr[data-row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id") ?? ""));
}

/** An id inside a quoted attribute selector. */
const attr = (id: string) => id.replace(/["\\]/g, "\\$&");
const pathOf = (id: string) => `/messages/${encodeURIComponent(id)}`;

export async function measureTriage(
  browser: Browser,
  options: { consoleUrl: string; cookie: { name: string; value: string }; relay: Relay; tries: number },
): Promise<TriageResult> {
  const { relay, consoleUrl } = options;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Europe/Paris" });
  await context.addCookies([{ ...options.cookie, url: consoleUrl, httpOnly: true, sameSite: "Lax" }]);
  // When the analyst pressed a key: the in-page clock, read by MEASURE_OPEN.
  await context.addInitScript(() => {
    document.addEventListener("keydown", () => ((window as unknown as { __benchKeyAt: number }).__benchKeyAt = performance.now()), { capture: true });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const openMs: number[] = [];
  const nextMs: number[] = [];
  const openReads: number[] = [];
  const nextReads: number[] = [];
  const byOperation: Record<string, number> = {};
  const tabReads: Record<string, number> = {};
  let walkReads = 0;
  let messages = 0;
  try {
    // Opens: a fresh list each time (the list's search is not the message's), then row i.
    for (let i = 0; i <= options.tries; i++) {
      await page.goto(`${consoleUrl}/messages?per_page=50`);
      await page.locator('table[aria-label="Messages"] tbody tr[data-row-id]').first().waitFor();
      await settle(relay);
      const ids = await rowIds(page);
      const id = ids[i % ids.length]!;
      const mark = relay.calls.length;
      const ms = (await page.evaluate(
        `${MEASURE_OPEN}(${JSON.stringify({ path: pathOf(id), clickSelector: `tr[data-row-id="${attr(id)}"] td a[href^="/messages/"]`, timeoutMs: 20_000 })})`,
      )) as number;
      await settle(relay);
      // The first is untimed: it loads the route's code.
      if (i === 0) continue;
      openMs.push(ms);
      openReads.push(count(relay, mark));
    }

    // The walk: from the first row, `j` through the list, settling (reading) at each message.
    await page.goto(`${consoleUrl}/messages?per_page=50`);
    await page.locator('table[aria-label="Messages"] tbody tr[data-row-id]').first().waitFor();
    await settle(relay);
    const ids = await rowIds(page);
    if (ids.length < options.tries + 2) throw new Error(`the list has ${ids.length} rows; the walk needs ${options.tries + 2}`);
    const walkStart = relay.calls.length;
    await page.evaluate(`${MEASURE_OPEN}(${JSON.stringify({ path: pathOf(ids[0]!), clickSelector: `tr[data-row-id="${attr(ids[0]!)}"] td a[href^="/messages/"]`, timeoutMs: 20_000 })})`);
    await settle(relay);
    messages = 1;
    for (let i = 1; i <= options.tries + 1; i++) {
      const mark = relay.calls.length;
      await page.keyboard.press("j");
      const ms = (await page.evaluate(`${MEASURE_OPEN}(${JSON.stringify({ path: pathOf(ids[i]!), clickSelector: null, timeoutMs: 20_000 })})`)) as number;
      await settle(relay);
      messages++;
      if (i === 1) {
        // The first j may still be loading code paths; it is counted in the reads, not timed.
        nextReads.push(count(relay, mark));
        continue;
      }
      nextMs.push(ms);
      nextReads.push(count(relay, mark));
    }
    walkReads = count(relay, walkStart, byOperation);

    // The other tabs of the last message: what each costs on top.
    for (const tab of ["Detections", "Preview"]) {
      const mark = relay.calls.length;
      await page.getByRole("tab", { name: tab, exact: true }).click();
      await page.getByRole("tabpanel").first().waitFor();
      await settle(relay);
      tabReads[tab] = count(relay, mark);
    }
  } finally {
    await context.close();
  }
  return {
    openMs: summarize(openMs),
    nextMs: summarize(nextMs),
    openReads: summarize(openReads),
    nextReads: summarize(nextReads),
    readsPerMessage: messages ? walkReads / messages : NaN,
    messages,
    byOperation,
    tabReads,
  };
}
