"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { Badge, DispositionBadge } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { cellClass, SimpleTable } from "@/components/ui/simple-table";
import { TimeText } from "@/components/ui/time-text";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { reportMessageHref } from "@/lib/phishguard/types";
import { DEFAULT_REPORT_RANGE, PHISHGUARD_URL_KEYS, REPORT_RANGES, type ReportRange } from "@/lib/phishguard/url-keys";
import { usePhishguardReports } from "@/lib/queries/phishguard";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";

const PRIORITY_TONES: Record<string, "critical" | "elevated" | "low"> = { high: "critical", medium: "elevated", low: "low" };

/** `/phishguard?range=`: Cloudflare's analysts' reports on this account's mail, each linked to its message. */
export function ReportsView() {
  const { state, set } = useUrlKeys(PHISHGUARD_URL_KEYS, { history: "push" });
  const range: ReportRange = state.values.range ?? DEFAULT_REPORT_RANGE;
  const query = usePhishguardReports(REPORT_RANGES[range]);
  const rows = query.data?.result ?? [];
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-base font-semibold">PhishGuard reports</h1>
      <p className="text-[12px] text-zinc-600">Threats Cloudflare&apos;s analysts found in this account&apos;s mail, each about one message.</p>
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-1 text-[12px]">
          Reported in
          <select
            value={range}
            onChange={(e) => set({ range: e.target.value === DEFAULT_REPORT_RANGE ? null : (e.target.value as ReportRange) })}
            className="h-7 rounded border border-zinc-300 bg-white px-1 text-[12px]"
          >
            {Object.entries(REPORT_RANGES).map(([key, days]) => (
              <option key={key} value={key}>{`the last ${days} days`}</option>
            ))}
          </select>
        </label>
        <p role="status" className="text-[12px] text-zinc-600">
          {query.isPending ? "Loading reports…" : query.isError ? "Could not load reports." : `${rows.length} ${rows.length === 1 ? "report" : "reports"}`}
        </p>
      </div>
      <RateLimitNotice query={query} />
      {query.data ? <UnreadableNote count={query.data.unreadable} /> : null}
      {query.isError ? (
        <ErrorState title="Could not load PhishGuard reports" message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <SimpleTable label="PhishGuard reports" headers={["Reported", "Title", "Priority", "Disposition", "Tags", "Message"]}>
          {rows.map((r) => {
            const href = reportMessageHref(r);
            return (
              <tr key={r.id}>
                <td className={`${cellClass} whitespace-nowrap`}>{r.created_at ? <TimeText iso={r.created_at} /> : "—"}</td>
                <td className={cellClass}>
                  <p className="font-medium">
                    <Revealed text={r.title} />
                  </p>
                  <p className="text-zinc-700">
                    <Revealed text={r.content} />
                  </p>
                </td>
                <td className={cellClass}>{r.priority ? <Badge tone={PRIORITY_TONES[r.priority] ?? "neutral"}>{r.priority}</Badge> : "—"}</td>
                <td className={cellClass}>{r.disposition ? <DispositionBadge disposition={r.disposition} /> : "—"}</td>
                <td className={cellClass}><Revealed text={r.tags.map((t) => `${t.category}: ${t.value}`).join(", ")} fallback="—" /></td>
                <td className={`${cellClass} whitespace-nowrap`}>
                  {href ? (
                    <Link href={href} className="text-blue-700 hover:underline" aria-label={`Find the message of report ${r.id}`}>
                      Find message
                    </Link>
                  ) : (
                    "—"
                  )}
                  {r.from ? (
                    <p className="text-zinc-600">
                      <Revealed text={r.from} />
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </SimpleTable>
      )}
    </div>
  );
}
