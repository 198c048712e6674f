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
  return {
    page: query.page ?? sent?.page ?? 1,
    // What Cloudflare says it used wins over what was asked: it may cap the size.
    per_page: sent?.per_page || query.per_page || DEFAULT_PER_PAGE,
    count: received,
  };
}

/** Entries received, readable or not: an unreadable entry still fills the page. */
export function receivedCount(result: unknown): number {
  return Array.isArray(result) ? result.length : 0;
}
