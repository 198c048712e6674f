"use client";

import { Revealed } from "@/components/ui/revealed";
import { useMemo } from "react";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { describeFilters, type MessageUrlState } from "@/lib/messages/search-url";
import { plural } from "@/lib/text/plural";
import { dryRunColumns } from "../dry-run-columns";
import { usePlainTable } from "../use-plain-table";
import type { DryRun } from "./use-dry-run";

function statusText(dryRun: DryRun, urlHasErrors: boolean): string {
  const { query, sample, more, unsearchable } = dryRun;
  if (urlHasErrors) return "Dry run not run: fix the highlighted filters.";
  if (query.isPending || query.data?.pending) return "Finding the messages this search matches…";
  if (query.isError) return "The dry run failed.";
  if (sample.length === 0) {
    return unsearchable.length > 0 ? "No messages match the other filters." : "No messages match this search: the job would do nothing.";
  }
  if (unsearchable.length > 0) {
    return `${plural(sample.length, "message")} matching the other filters${more ? ", and more" : ""}; not necessarily what the job acts on.`;
  }
  return more
    ? `The first ${plural(sample.length, "message")} this search matches; more match, and the job will act on all of them.`
    : `All ${plural(sample.length, "message")} this search matches.`;
}

/** Step 2 of the form: the search in words and the first messages it matches. */
export function DryRunSection({ state, dryRun, urlHasErrors }: { state: MessageUrlState; dryRun: DryRun; urlHasErrors: boolean }) {
  const { query, sample, unsearchable } = dryRun;
  const columns = useMemo(() => dryRunColumns(), []);
  const table = usePlainTable(sample, columns, (m) => m.id);
  const active = describeFilters(state, "bulk");

  return (
    <section aria-label="Dry run" className="flex flex-col gap-2">
      <h2 className="text-sm font-semibold">2. Dry run</h2>
      <p className="text-[12px] text-zinc-700">
        {active.length > 0 ? <Revealed text={`Search: ${active.map((f) => `${f.label} ${f.value}`).join(" · ")}`} /> : "Search: no filters (the API's default window)"}
        {state.range ? " — the range is fixed to absolute times when the job is created." : ""}
      </p>
      {unsearchable.length > 0 ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          This dry run cannot show what the job will act on: Cloudflare&apos;s search has no {unsearchable.join(" or ")} filter, so the
          rows below match the other filters only. The job applies {unsearchable.length === 1 ? "it" : "them"} when it runs.
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-[12px] text-zinc-700">
        {statusText(dryRun, urlHasErrors)}
      </p>
      {query.isError ? (
        <ErrorState title="Could not run the dry run" message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : urlHasErrors ? null : (
        <>
          {query.data && !query.data.pending ? <UnreadableNote count={query.data.unreadable} /> : null}
          <DataTable
            table={table}
            label="Dry run matches"
            loading={query.isPending || (query.data?.pending ?? false)}
            skeletonRows={5}
            empty={<p className="text-center text-zinc-600">Nothing matches.</p>}
          />
        </>
      )}
    </section>
  );
}
