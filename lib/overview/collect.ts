import "server-only";
import { listMessages, type Message } from "@/lib/cloudflare";
import { getEnv } from "@/lib/env";
import type { SearchFilters } from "@/lib/schemas/search";
import { chargeOverviewPage } from "./charge";
import type { Coverage } from "./types";

/** The largest page the search operation gives: the fewest reads for the most messages. */
export const OVERVIEW_PAGE_SIZE = 1000;
const PENDING_RETRIES = 5;
const PENDING_WAIT_MS = 400;

/**
 * The newest matches of a search, up to OVERVIEW_MAX_MESSAGES, paged at the largest page size
 * through lib/cloudflare (so each page is cached, coalesced and spends the account's budget like
 * any search), each page after the first charged to the user's budget too.
 */
export async function collectNewest(search: SearchFilters, email: string): Promise<{ messages: Message[]; coverage: Coverage }> {
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
    if (pages > 0) await chargeOverviewPage(email);
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
