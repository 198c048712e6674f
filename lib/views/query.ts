import { labelFor, parseMessageUrl, serializeMessageUrl } from "@/lib/messages/search-url";

/**
 * What a saved view stores: the message page's query string, in the one canonical form the search
 * page writes. Only a search the page can run is kept (every value legal, no unknown or bulk-only
 * keys), and the page position (cursor, trail, page number) is dropped: a view opens a search at
 * its first page. A relative range ("last 7 days") stays relative. Client-safe.
 */
export const MAX_VIEW_QUERY_LENGTH = 2048;

export type CanonicalQuery = { ok: true; query: string } | { ok: false; message: string };

export function canonicalViewQuery(query: string): CanonicalQuery {
  const parsed = parseMessageUrl(new URLSearchParams(query.startsWith("?") ? query.slice(1) : query));
  const errors = Object.entries(parsed.errors);
  if (errors.length > 0) {
    const [key, message] = errors[0]!;
    return { ok: false, message: `${labelFor(key as Parameters<typeof labelFor>[0])}: ${message}` };
  }
  if (parsed.unknownKeys.length > 0) return { ok: false, message: `Unknown search parameters: ${parsed.unknownKeys.slice(0, 5).join(", ")}` };
  if (parsed.bulkOnlyKeys.length > 0) {
    return { ok: false, message: `${parsed.bulkOnlyKeys.map(labelFor).join(" and ")} can only be used by bulk jobs, not saved in a search` };
  }
  const { cursor: _cursor, trail: _trail, page: _page, ...search } = parsed.state;
  return { ok: true, query: serializeMessageUrl({ ...search, trail: [] }) };
}

/** Where a view opens: the search page with its query. */
export function viewHref(query: string): string {
  return query ? `/messages?${query}` : "/messages";
}
