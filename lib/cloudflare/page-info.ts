import "server-only";
import type { PageInfo } from "@/lib/policies/types";
import { pageResultInfoSchema } from "./reply-schemas";
import { readWith } from "./reply-shapes";

// The page-numbered lists outside Investigate (blocked senders, allow policies, submissions).
// Every `result_info` field is optional there, and `total_count` counts the whole list "without
// any search parameters": the page asked for and the entries received decide (see PageInfo).

/** Cloudflare's page size when none is asked for (V4PagePaginationArray). */
export const DEFAULT_PER_PAGE = 20;

export function pageInfo(info: unknown, received: number, query: { page?: number; per_page?: number }): PageInfo {
  const sent = readWith(pageResultInfoSchema, info);
  const asked = query.per_page ?? DEFAULT_PER_PAGE;
  const used = sent?.per_page;
  return {
    page: query.page ?? sent?.page ?? 1,
    // Cloudflare may say it used a smaller page than asked (a cap); anything else is noise.
    per_page: used && used >= 1 && used <= asked ? used : asked,
    count: received,
  };
}

/** Entries received, readable or not: an unreadable entry still fills the page. */
export function receivedCount(result: unknown): number {
  return Array.isArray(result) ? result.length : 0;
}
