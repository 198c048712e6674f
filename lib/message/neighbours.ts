/**
 * Previous/next message when the page was opened from a search. The search page remembers its
 * last query string in session storage (lib/messages/list-memory.ts) and keeps its pages in the
 * React Query cache; this module only does the arithmetic on the ids of that page.
 */

export interface Neighbours {
  /** 1-based position in the list the analyst came from. */
  position: number;
  total: number;
  previous: string | null;
  next: string | null;
}

/** Null when the message is not in the list: the page was opened from a link, not from that search. */
export function neighboursOf(ids: readonly string[], id: string): Neighbours | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  return {
    position: index + 1,
    total: ids.length,
    previous: ids[index - 1] ?? null,
    next: ids[index + 1] ?? null,
  };
}

/** `/messages?sender=a` → `sender=a`: the query string list-memory keys its entries by. */
export function searchOfListHref(href: string): string {
  const q = href.indexOf("?");
  return q < 0 ? "" : href.slice(q + 1);
}
