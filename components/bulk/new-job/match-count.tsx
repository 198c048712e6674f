"use client";

import { useQuery } from "@tanstack/react-query";
import { countSentence, countWords, type BulkMatchCount } from "@/lib/bulk/count-words";
import { filtersToSearchParams, type MessageUrlState } from "@/lib/messages/search-url";
import { requestJson } from "@/lib/queries/http";
import type { DryRun } from "./use-dry-run";

/**
 * How many messages the job's search matches, counted on the server (GET …/bulk/count). It counts
 * the very search the dry run listed: a relative range waits for the dry run's window, so the two
 * never describe different windows. No placeholder data: after a change of search the old count
 * is gone until the new one arrives, so the create button never names a stale number.
 */
export function useMatchCount({ filters, range }: Pick<MessageUrlState, "filters" | "range">, dryRun: DryRun, enabled: boolean) {
  const window = dryRun.query.data?.window;
  const counted = range ? (window ? { ...filters, ...window } : null) : filters;
  // Cloudflare's search has no exact-subject or submissions filter: such a job cannot be counted.
  const countable = enabled && dryRun.unsearchable.length === 0;
  const params = counted ? filtersToSearchParams(counted).toString() : null;
  const query = useQuery({
    queryKey: ["bulk-count", params],
    queryFn: async ({ signal }) =>
      (await requestJson<{ result: BulkMatchCount }>(`/api/email-security/investigate/bulk/count?${params}`, { signal })).body.result,
    enabled: countable && params !== null,
  });
  // Without an end the window is Cloudflare's default, which moves: new mail may still join.
  const openWindow = !counted?.end;
  return {
    query,
    countable,
    words: countable && query.data ? countWords(query.data, openWindow) : null,
    sentence: countable && query.data ? countSentence(query.data, openWindow) : null,
  };
}

export type MatchCount = ReturnType<typeof useMatchCount>;

/** The count in a sentence, above the action it would apply to. */
export function MatchCountNote({ count }: { count: MatchCount }) {
  if (!count.countable) return null;
  const text = count.sentence
    ? count.sentence
    : count.query.isError
      ? `The messages could not be counted: ${count.query.error.message}`
      : "Counting the messages this search matches…";
  return (
    <p role="status" aria-live="polite" aria-label="Messages matched" className="text-[13px] font-medium text-zinc-800">
      {text}
    </p>
  );
}
