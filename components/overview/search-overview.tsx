"use client";

import dynamic from "next/dynamic";
import { MESSAGE_LIST_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { useShortcuts } from "@/lib/keyboard/use-shortcuts";
import { BREAKDOWN_LABELS, BREAKDOWNS, type Breakdown } from "@/lib/overview/types";
import { DEFAULT_BREAKDOWN, OVERVIEW_URL_KEYS } from "@/lib/overview/url";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";
import type { OverviewPanelProps } from "./overview-panel";

// The chart and its lists load after the page: /messages' first load does not carry them.
const OverviewPanel = dynamic(() => import("./overview-panel"), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-[12px] text-zinc-600">
      Loading the overview…
    </p>
  ),
});

/**
 * The overview's place on the search page: open by default above the rows, folded with `o` or
 * its button, stacked by the breakdown chosen; both in the URL (`overview=hidden`, `breakdown=`).
 */
export function SearchOverview(props: Omit<OverviewPanelProps, "breakdown">) {
  const { state, set } = useUrlKeys(OVERVIEW_URL_KEYS, { history: "replace" });
  const hidden = state.values.overview === "hidden";
  const breakdown: Breakdown = state.values.breakdown ?? DEFAULT_BREAKDOWN;
  const setUrl = (next: { hidden: boolean; breakdown: Breakdown }) =>
    set({ overview: next.hidden ? "hidden" : null, breakdown: next.breakdown === DEFAULT_BREAKDOWN ? null : next.breakdown });
  const toggle = () => setUrl({ hidden: !hidden, breakdown });
  useShortcuts(MESSAGE_LIST_SHORTCUTS, { "toggle-overview": toggle });

  return (
    <section aria-labelledby="search-overview-title" className="flex flex-col gap-2 rounded border border-zinc-200 px-3 py-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="search-overview-title" className="text-[13px] font-semibold">
          Overview
        </h2>
        {hidden ? null : (
          <label className="flex items-center gap-1 text-[12px] text-zinc-700">
            Stack by
            <select
              value={breakdown}
              onChange={(e) => setUrl({ hidden, breakdown: e.target.value as Breakdown })}
              className="h-6 rounded border border-zinc-300 bg-white px-1 text-[12px]"
            >
              {BREAKDOWNS.map((b) => (
                <option key={b} value={b}>
                  {BREAKDOWN_LABELS[b]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          onClick={toggle}
          aria-expanded={!hidden}
          aria-controls="search-overview-body"
          className="ml-auto text-[12px] text-zinc-700 underline decoration-dotted hover:text-zinc-900"
        >
          {hidden ? "Show overview" : "Fold overview"} <kbd className="font-mono">o</kbd>
        </button>
      </div>
      <div id="search-overview-body" hidden={hidden}>
        {hidden ? null : <OverviewPanel {...props} breakdown={breakdown} />}
      </div>
    </section>
  );
}
