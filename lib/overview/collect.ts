import "server-only";
import { listMessages, type Message } from "@/lib/cloudflare";
import { getEnv } from "@/lib/env";
import type { SearchFilters } from "@/lib/schemas/search";
import type { Coverage } from "./types";

/** The largest page the search operation gives: the fewest reads for the most messages. */
export const OVERVIEW_PAGE_SIZE = 1000;

/** What an overview costs at most: one read a page (a search Cloudflare is still running costs more, paid as it goes). */
export function overviewReads(): number {
  const limit = getEnv().limits.overviewMaxMessages;
  return Math.ceil(limit / Math.min(OVERVIEW_PAGE_SIZE, limit));
}
const PENDING_RETRIES = 5;
const PENDING_WAIT_MS = 400;

/**
 * The newest matches of a search, up to OVERVIEW_MAX_MESSAGES, paged at the largest page size
 * through lib/cloudflare (so each page is cached, coalesced and spends the account's budget and
 * the user's share like any search; the route pays for all of them up front, `overviewReads`).
 */
export async function collectNewest(search: SearchFilters): Promise<{ messages: Message[]; coverage: Coverage }> {
  const limit = getEnv().limits.overviewMaxMessages;
  const perPage = Math.min(OVERVIEW_PAGE_SIZE, limit);
  const messages: Message[] = [];
  let matched = 0;
  let cursor: string | undefined;
  let page: number | undefined;
  let pages = 0;
  const coverage = (more: boolean, incomplete?: string): Coverage => ({
    counted: messages.length,
    more,
    limit,
    pages,
    ...(incomplete ? { incomplete } : {}),
  });
  while (matched < limit) {
    const ask = () => listMessages({ ...search, per_page: perPage, ...(cursor ? { cursor } : {}), ...(page ? { page } : {}) });
    let reply = await ask();
    pages++;
    for (let tries = 0; reply.pending && tries < PENDING_RETRIES; tries++) {
      await new Promise((resolve) => setTimeout(resolve, PENDING_WAIT_MS));
      reply = await ask();
    }
    if (reply.pending) return { messages, coverage: coverage(true, "Cloudflare was still running the search.") };
    messages.push(...reply.result.slice(0, limit - messages.length));
    matched += reply.result.length + reply.unreadable;
    const next = reply.result_info.next;
    const nextPage = reply.result_info.next_page;
    const rows = reply.result.length + reply.unreadable;
    if (rows === 0 || (!next && !nextPage)) return { messages, coverage: coverage(matched > limit) };
    cursor = next ?? undefined;
    page = next ? undefined : (nextPage ?? undefined);
  }
  return { messages, coverage: coverage(true) };
}
