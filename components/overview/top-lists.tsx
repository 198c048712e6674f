"use client";

import { revealHidden } from "@/lib/text/reveal";
import { Revealed } from "@/components/ui/revealed";
import { TOP_LIST_LABELS, TOP_LISTS, type TopEntry, type TopListKind } from "@/lib/overview/types";
import { filterForTopEntry } from "@/lib/overview/url";
import type { SearchFilters } from "@/lib/schemas/search";

const percent = (part: number, whole: number) => (whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`);

/** Entries shown per list: five lists side by side stay within a laptop's width and a few lines. */
const SHOWN = 5;

/** Sender domains, senders, recipients, subjects and sending IPs: counts and the share still delivered; a click filters. */
export function TopLists({ top, onFilter }: { top: Record<TopListKind, TopEntry[]>; onFilter: (filter: Partial<SearchFilters>) => void }) {
  return (
    <div className="grid min-w-0 grid-cols-2 gap-x-4 gap-y-2 md:grid-cols-3 xl:grid-cols-5">
      {TOP_LISTS.map((kind) => (
        <section key={kind} aria-label={`Top ${TOP_LIST_LABELS[kind].toLowerCase()}`} className="min-w-0">
          <table className="w-full table-fixed text-[12px] leading-5 tabular-nums">
            <thead>
              <tr className="text-[11px] text-zinc-600">
                <th scope="col" className="text-left font-semibold text-zinc-700">
                  {TOP_LIST_LABELS[kind]}
                </th>
                <th scope="col" className="w-10 text-right font-normal">
                  <abbr title="Messages">msgs</abbr>
                </th>
                <th scope="col" className="w-11 text-right font-normal">
                  <abbr title="Share still delivered">deliv.</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {top[kind].slice(0, SHOWN).map((e) => {
                const filter = filterForTopEntry(kind, e.value);
                return (
                  <tr key={e.value}>
                    <td className="truncate pr-1" title={revealHidden(e.value)}>
                      {filter ? (
                        <button type="button" onClick={() => onFilter(filter)} className="max-w-full truncate text-left text-blue-700 hover:underline" title={`Filter the search by ${revealHidden(e.value)}`}>
                          <Revealed text={e.value} />
                        </button>
                      ) : (
                        <Revealed text={e.value} />
                      )}
                    </td>
                    <td className="text-right">{e.count.toLocaleString("en-US")}</td>
                    <td className={`text-right ${e.delivered > 0 ? "text-zinc-800" : "text-zinc-500"}`}>{percent(e.delivered, e.count)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
