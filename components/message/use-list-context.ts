"use client";

import { useEffect, useMemo, useState } from "react";
import { neighboursOf, type Neighbours } from "@/lib/messages/neighbours";
import { lastListSearch, rememberListVisit } from "@/lib/messages/list-memory";
import { parseMessageUrl } from "@/lib/messages/search-url";
import { toListSearch, useMessageList } from "@/lib/queries/messages";

export interface ListContext {
  /** Where "Back to results" and Esc go: the last search in this tab, or the plain list. */
  backHref: string;
  /** The list's query string, the key under which list-memory remembers the active row. */
  search: string;
  /** True when the search came in this page's link (`?list=`), e.g. a row opened in a new tab. */
  fromLink: boolean;
  /** Null unless this message is on the page of results the analyst came from. */
  neighbours: Neighbours | null;
}

/**
 * The search this message was opened from: the link's `list` parameter when it has one (a row
 * opened in a new tab, where this tab's session memory is empty), else the last search in this
 * tab's session storage. Its page comes from the React Query cache when the list was just shown,
 * and is fetched otherwise, so previous/next appear in a new tab too. A link without either shows
 * no previous/next.
 */
export function useListContext(id: string, listParam: string | null): ListContext {
  const [remembered, setRemembered] = useState<string | null>(null);
  useEffect(() => {
    // Session storage exists only after hydration.
    if (listParam === null) setRemembered(lastListSearch());
    else rememberListVisit(listParam, id);
  }, [id, listParam]);

  const search = listParam ?? remembered;
  const parsed = useMemo(() => (search === null ? null : parseMessageUrl(new URLSearchParams(search))), [search]);
  const usable = parsed !== null && Object.keys(parsed.errors).length === 0;
  const page = useMessageList(toListSearch(parsed?.state ?? parseMessageUrl(new URLSearchParams()).state), { enabled: usable && search !== null });
  const ids = usable && page.data && !page.data.pending ? page.data.messages.map((m) => m.id) : [];
  const current = neighboursOf(ids, id);

  // An action can take the message out of the results it was opened from (moved out of
  // "delivered"): the refreshed list no longer has it, but "Next message" must still go where it
  // went a moment ago. So this message's last known neighbours stay until the analyst leaves it.
  const [kept, setKept] = useState<{ id: string; search: string | null; neighbours: Neighbours } | null>(null);
  useEffect(() => {
    if (current && (kept?.id !== id || kept.search !== search || kept.neighbours.next !== current.next || kept.neighbours.previous !== current.previous)) {
      setKept({ id, search, neighbours: current });
    }
  }, [current, id, search, kept]);
  const neighbours = current ?? (kept && kept.id === id && kept.search === search ? kept.neighbours : null);

  return {
    backHref: search ? `/messages?${search}` : "/messages",
    search: search ?? "",
    fromLink: listParam !== null,
    neighbours,
  };
}
