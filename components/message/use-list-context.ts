"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { neighboursOf, searchOfListHref, type Neighbours } from "@/lib/message/neighbours";
import { lastListHref } from "@/lib/messages/list-memory";
import { parseMessageUrl } from "@/lib/messages/search-url";
import { messageKeys, toListSearch, type MessagePage } from "@/lib/queries/messages";

export interface ListContext {
  /** Where "Back to results" and Esc go: the last search in this tab, or the plain list. */
  backHref: string;
  /** The list's query string, the key under which list-memory remembers the active row. */
  search: string;
  /** Null unless this message is on the page of results the analyst came from. */
  neighbours: Neighbours | null;
}

/**
 * The search this message was opened from, read from session storage and the React Query
 * cache after hydration (neither exists on the server). A pasted link in a new tab has neither,
 * so it shows no previous/next.
 */
export function useListContext(id: string): ListContext {
  const queryClient = useQueryClient();
  const [context, setContext] = useState<ListContext>({ backHref: "/messages", search: "", neighbours: null });
  useEffect(() => {
    const backHref = lastListHref();
    const search = searchOfListHref(backHref);
    const { state } = parseMessageUrl(new URLSearchParams(search));
    const page = queryClient.getQueryData<MessagePage>(messageKeys.list(toListSearch(state)));
    const ids = page && !page.pending ? page.messages.map((m) => m.id) : [];
    setContext({ backHref, search, neighbours: neighboursOf(ids, id) });
  }, [id, queryClient]);
  return context;
}
