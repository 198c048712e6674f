import type { Page } from "@playwright/test";
import type { Message } from "../lib/cloudflare/types";
import type { Simulator } from "./fixtures";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** A week is drawn in 6-hour buckets (lib/overview/compute.ts). */
export const WEEK_BUCKET = 6 * HOUR;

/** The last 7 days as a fixed window (to the minute), so the chart's buckets can be computed here. */
export function fixedWeek(now = Date.now()): { start: number; end: number; query: string } {
  const end = Math.floor(now / 60_000) * 60_000;
  const start = end - 7 * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { start, end, query: `start=${encodeURIComponent(iso(start))}&end=${encodeURIComponent(iso(end))}` };
}

/** The overview region of the search page. */
export function overview(page: Page) {
  return page.getByRole("region", { name: "Overview" });
}

/** The campaign of the overview grouped by this fingerprint (its "Grouped by" line names it). */
export function campaignItem(page: Page, edfHash: string) {
  return overview(page).getByRole("list", { name: "Campaigns" }).getByRole("listitem").filter({ hasText: `same detection fingerprint ${edfHash.slice(0, 8)}…` });
}

/** Every match of a search, straight from the simulator, following its cursors (newest first). */
export async function allMatches(simulator: Simulator, query: Record<string, string>): Promise<Message[]> {
  const rows: Message[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await simulator.search({ ...query, per_page: "1000", ...(cursor ? { cursor } : {}) });
    rows.push(...page.result);
    cursor = page.result_info.next;
  } while (cursor);
  return rows;
}
