import { test as base, expect, type Locator, type Page } from "@playwright/test";
import type { Message } from "../lib/cloudflare/types";
import type { SimulatorFixtures } from "../lib/simulator";
import type { FaultRule } from "../lib/simulator/faults";
import { E2E } from "./env";

/** Ids and facts the simulator's data set guarantees, from `GET /__simulator/fixtures`. */
export type { FaultRule, SimulatorFixtures };

export interface SimulatorCall {
  at: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${E2E.simulatorUrl}/__simulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as { result?: T } | T;
  // Controls answer in Cloudflare's envelope; tolerate a bare body too.
  return json && typeof json === "object" && "result" in json ? (json.result as T) : (json as T);
}

/**
 * A search the message list made: the overview on the same page also searches, 1,000 a page
 * (OVERVIEW_PAGE_SIZE), a size the list never asks for (at most 200).
 */
export function isListSearch(c: SimulatorCall): boolean {
  return c.method === "GET" && /\/email-security\/investigate\/?$/.test(c.path) && c.query.per_page !== "1000";
}

/** The simulator's test controls, and its copy of the Cloudflare API to check the UI against. */
export const simulator = {
  fixtures: () => control<SimulatorFixtures>("GET", "fixtures"),
  setFaults: (rules: FaultRule[]) => control("PUT", "faults", { rules }),
  clearFaults: () => control("DELETE", "faults"),
  calls: () => control<SimulatorCall[]>("GET", "calls"),
  clearCalls: () => control("DELETE", "calls"),
  reset: () => control("POST", "reset"),

  /** What Cloudflare (the simulator) holds for a search, asked directly with the fake token. */
  async search(query: Record<string, string> | URLSearchParams): Promise<{ result: Message[]; result_info: { next?: string | null } }> {
    const params = query instanceof URLSearchParams ? query : new URLSearchParams(query);
    const response = await fetch(`${E2E.cloudflareApi}?${params.toString()}`, {
      headers: { authorization: `Bearer ${E2E.apiToken}` },
    });
    if (response.status !== 200) throw new Error(`simulator search: ${response.status} ${await response.text()}`);
    return (await response.json()) as { result: Message[]; result_info: { next?: string | null } };
  },

  /** The query of the console's last list search, as the simulator received it. */
  async lastSearchQuery(): Promise<URLSearchParams> {
    const calls = await simulator.calls();
    const searches = calls.filter((c) => isListSearch(c));
    const last = searches[searches.length - 1];
    if (!last) throw new Error("the console made no search call");
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(last.query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    return params;
  },
};
export type Simulator = typeof simulator;

/**
 * What the browser may say on its console without failing the journey. A resource that answered
 * 4xx/5xx is logged by Chromium itself ("Failed to load resource"): journeys about upstream
 * errors, 404s and refusals cause those on purpose, and what the page then shows is what they check.
 * Anything the page's own code logs, an uncaught error, or React's hydration errors (#418, #423,
 * "Hydration failed") fail the journey.
 */
const BROWSER_NETWORK_LOG = /^Failed to load resource: the server responded with a status of \d{3}/;

export const test = base.extend<{ simulator: Simulator; allowedConsoleErrors: RegExp[] }>({
  simulator: async ({}, use) => {
    await simulator.clearFaults();
    await use(simulator);
    await simulator.clearFaults();
  },
  /** A journey that provokes a console error on purpose names it here (`test.use`). */
  allowedConsoleErrors: [[], { option: true }],
  // Every page of the journey's context: its console errors and uncaught errors are collected and
  // the journey fails on them after its own steps have run.
  context: async ({ context, allowedConsoleErrors }, use, testInfo) => {
    const errors: string[] = [];
    const allowed = (text: string) => BROWSER_NETWORK_LOG.test(text) || allowedConsoleErrors.some((re) => re.test(text));
    context.on("console", (message) => {
      if (message.type() === "error" && !allowed(message.text())) errors.push(`console.error on ${message.page()?.url() ?? "?"}: ${message.text()}`);
    });
    context.on("weberror", (webError) => {
      const error = webError.error();
      // The message and where it was thrown; React's minified frames below that say nothing more.
      const where = (error.stack ?? "").split("\n").slice(1, 3).join("\n");
      if (!allowed(error.message)) errors.push(`uncaught on ${webError.page()?.url() ?? "?"}: ${error.message}\n${where}`);
    });
    await use(context);
    if (errors.length > 0 && testInfo.status === testInfo.expectedStatus) {
      throw new Error(`The browser reported ${errors.length} error(s):\n${errors.join("\n")}`);
    }
  },
});
export { expect };

/** The results table, found the way a screen reader finds it. */
export function resultsTable(page: Page): Locator {
  return page.getByRole("table", { name: "Messages" });
}

/** Body rows that show a message (not skeletons or the empty state). */
export function messageRows(page: Page): Locator {
  return resultsTable(page).locator("tbody tr[data-row-id]");
}

/** The ids of the shown rows, in order: read to compare with the simulator, not to select by. */
export async function shownIds(page: Page): Promise<string[]> {
  return messageRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-row-id") ?? ""));
}

/** Waits until the list has finished loading and shows rows. */
export async function waitForRows(page: Page): Promise<void> {
  await expect(resultsTable(page)).not.toHaveAttribute("aria-busy", "true");
  await expect(messageRows(page).first()).toBeVisible();
}

/**
 * Waits for the list to settle, then checks it shows exactly what the simulator returns for the
 * query the console last sent.
 */
export async function expectRowsMatchSimulator(page: Page): Promise<URLSearchParams> {
  await waitForRows(page);
  await expect(page.getByRole("status").filter({ hasText: /refreshing/ })).toHaveCount(0);
  // The query is read again on each try: a search the page has asked for may reach the simulator
  // after the URL changed, and the rows must then match that one, not the one before it.
  let query = new URLSearchParams();
  await expect
    .poll(async () => {
      query = await simulator.lastSearchQuery();
      const truth = (await simulator.search(query)).result.map((m) => m.id);
      const shown = await shownIds(page);
      return shown.length === truth.length && shown.every((id, i) => id === truth[i]) ? "rows match the simulator" : { query: query.toString(), shown, truth };
    })
    .toBe("rows match the simulator");
  return query;
}
