import "server-only";
import { readReply } from "./reply-shapes";
import type { ResultInfo } from "./types";

/**
 * A list reply's `result_info` as the console passes it on. Cloudflare pages by cursor; a reply
 * that carries no `next` but a page number (`page` ≥ 1, or the page we asked for) is
 * page-numbered, and then the following page is `page + 1` as long as this one was full.
 * `received` counts every entry Cloudflare sent, readable or not, so a page that lost an
 * unreadable entry still counts as full.
 */
export function toResultInfo(raw: unknown, received: number, requestedPage?: number): ResultInfo {
  const info = readReply("resultInfo", raw).value;
  const next = info?.next || null;
  const perPage = info?.per_page || received;
  const page = info?.page && info.page >= 1 ? info.page : (requestedPage ?? null);
  const pageNumbered = !next && page !== null;
  return {
    count: info?.count ?? received,
    per_page: perPage,
    next,
    previous: info?.previous || null,
    page: pageNumbered ? page : null,
    next_page: pageNumbered && received > 0 && received >= perPage ? page + 1 : null,
  };
}

/** How many entries a reply's `result` held, readable or not. */
export function receivedCount(result: unknown): number {
  return Array.isArray(result) ? result.length : 0;
}
