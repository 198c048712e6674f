"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiError } from "@/lib/queries/http";
import { messageFromLists, messageQueries } from "@/lib/queries/message";

/** A 429 this recent (the user's pace or the account's budget) means: spend nothing ahead of need. */
const LOW_BUDGET_MEMORY_MS = 60_000;

/** Whether any read in this tab was refused for budget lately (the console's or Cloudflare's). */
export function budgetRecentlyLow(queryClient: QueryClient, now = Date.now()): boolean {
  return queryClient
    .getQueryCache()
    .getAll()
    .some((query) => {
      const { error, fetchFailureReason, errorUpdatedAt, dataUpdatedAt } = query.state;
      const refused = [error, fetchFailureReason].some((e) => e instanceof ApiError && e.status === 429);
      return refused && now - Math.max(errorUpdatedAt, dataUpdatedAt) < LOW_BUDGET_MEMORY_MS;
    });
}

/**
 * While the analyst reads a message, the next one of the list is made ready, so `j` paints from
 * cache: its message comes from the list already in the cache, its detections are read now (the
 * route's code and payload come from the "Next message" link's own prefetch). Only that one
 * message; not when the budget was short lately; and if the analyst goes elsewhere before it
 * arrives, the read is cancelled.
 */
export function usePrefetchNext(nextId: string | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!nextId || budgetRecentlyLow(queryClient)) return;
    const detections = messageQueries.detections(nextId);
    // Not a message the list holds (a link's search of another page): nothing is read ahead.
    if (!messageFromLists(queryClient, nextId)) return;
    void queryClient.prefetchQuery(detections);
    return () => {
      // After the next page has mounted: if it is the one prefetched, its observer now waits for
      // this read, which must go on; otherwise nobody wants it.
      setTimeout(() => {
        const query = queryClient.getQueryCache().find({ queryKey: detections.queryKey, exact: true });
        if (query && query.getObserversCount() === 0 && query.state.fetchStatus === "fetching") {
          void queryClient.cancelQueries({ queryKey: detections.queryKey, exact: true });
        }
      }, 0);
    };
  }, [nextId, queryClient]);
}
