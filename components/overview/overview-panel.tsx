"use client";

import { useTimeZone } from "@/components/ui/time-text";
import { ApiError } from "@/lib/queries/http";
import { effectiveFilters, filtersToSearchParams, type MessageUrlState, type RangePreset } from "@/lib/messages/search-url";
import { describeCoverage, type Breakdown } from "@/lib/overview/types";
import { filterForSegment } from "@/lib/overview/url";
import { useOverview } from "@/lib/queries/overview";
import type { MessageFilters } from "@/lib/schemas/search";
import { formatTime } from "@/lib/time/format";
import { CampaignList } from "./campaign-list";
import { Histogram } from "./histogram";
import { TopLists } from "./top-lists";

export interface OverviewPanelProps {
  state: Pick<MessageUrlState, "filters" | "range">;
  breakdown: Breakdown;
  /** False until the rows have loaded: the overview's reads wait for the list's. */
  ready: boolean;
  onSearch: (filters: MessageFilters, range?: RangePreset) => void;
}

/**
 * The chart, top lists and campaigns of the search shown. Loaded lazily (next/dynamic), so the
 * search page's first load does not carry it.
 */
export default function OverviewPanel({ state, breakdown, ready, onSearch }: OverviewPanelProps) {
  const zone = useTimeZone();
  const search = { filters: state.filters, range: state.range };
  const overview = useOverview(search, { enabled: ready });
  const o = overview.data;
  const addFilter = (filter: Partial<MessageFilters>) => onSearch({ ...state.filters, ...filter }, state.range);

  if (overview.isError) {
    const e = overview.error;
    return (
      <p role="alert" className="text-[12px] text-red-800">
        {`Overview unavailable: ${e.message}`}
        {e instanceof ApiError && e.retryAfter ? ` Retry in ${e.retryAfter} s.` : ""}{" "}
        <button type="button" className="underline" onClick={() => void overview.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  if (!o) {
    return (
      <p role="status" className="text-[12px] text-zinc-600">
        {ready ? "Computing the overview…" : "The overview follows the rows…"}
      </p>
    );
  }
  // The campaign pages get the window as it was computed, so their links stay what they were.
  const searchQuery = filtersToSearchParams(effectiveFilters(search, Date.now())).toString();
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-[12px] text-zinc-700">
        {`Covers ${describeCoverage(o.coverage)}${o.coverage.more ? "" : o.coverage.counted === 1 ? " message" : " messages"}`}
        {o.coverage.more ? ` (from ${formatTime(o.histogram.start, zone, "date")})` : ""}
        {o.coverage.incomplete ? ` — ${o.coverage.incomplete}` : ""}
        {overview.isFetching ? " · updating…" : ""}
      </p>
      <div className="grid min-w-0 grid-cols-1 gap-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Histogram
          histogram={o.histogram}
          breakdown={breakdown}
          onNarrow={(start, end) => onSearch({ ...state.filters, start, end }, undefined)}
          segmentFilter={(key) => {
            const filter = filterForSegment(breakdown, key);
            return filter ? () => addFilter(filter) : null;
          }}
        />
        <section aria-labelledby="overview-campaigns" className="flex min-w-0 flex-col gap-1">
          <h3 id="overview-campaigns" className="text-[12px] font-semibold text-zinc-700">
            {`Campaigns (${o.campaigns.length})`}
          </h3>
          <div className="max-h-56 overflow-y-auto pr-1">
            <CampaignList campaigns={o.campaigns} searchQuery={searchQuery} />
          </div>
        </section>
      </div>
      <TopLists top={o.top} onFilter={addFilter} />
    </div>
  );
}
