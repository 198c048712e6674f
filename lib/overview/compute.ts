// The overview of a search from its newest matches: a histogram sized to the range with every
// breakdown, the top lists, and the campaigns. Pure (no I/O), so it is tested and timed alone.
import { dispositionSeverity, severityRank } from "@/lib/severity";
import { groupCampaigns } from "./campaigns";
import { bucketIndex, deliveredOf, recipientsOf, senderAddress, senderDomain, sendingIp, timeOf, type OverviewMessage } from "./message-fields";
import { BREAKDOWNS, NONE, OTHER, TOP_LISTS, type Breakdown, type Coverage, type Histogram, type Overview, type Series, type TopEntry, type TopListKind } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Bucket widths, smallest first: the first that fits the range in MAX_BUCKETS is used (hours for a day, days for a month). */
export const BUCKET_WIDTHS = [5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 3 * DAY, 7 * DAY, 30 * DAY] as const;
export const MAX_BUCKETS = 40;
/** Sender domains named in the domain breakdown; the rest are "(other)". */
export const DOMAIN_SERIES = 8;
export const TOP_SIZE = 10;

export function bucketWidth(spanMs: number): number {
  return BUCKET_WIDTHS.find((w) => spanMs / w <= MAX_BUCKETS) ?? BUCKET_WIDTHS[BUCKET_WIDTHS.length - 1]!;
}

function breakdownKey(m: OverviewMessage, by: Breakdown): string {
  switch (by) {
    case "disposition":
      return m.final_disposition || NONE;
    case "delivery":
      return m.delivery_status?.[0] || NONE;
    case "category":
      return m.threat_categories?.[0] || NONE;
    case "domain":
      return senderDomain(m) ?? NONE;
  }
}

// Worst first on the one severity scale, so the stack reads bottom-up from the worst.
const DELIVERY_ORDER = ["delivered", "move_failed", "moved", "quarantined", "rejected", "deferred", "bounced", "queued"];
function seriesOrder(by: Breakdown, a: Series, b: Series): number {
  if (by === "disposition") return severityRank(dispositionSeverity(a.key)) - severityRank(dispositionSeverity(b.key)) || b.total - a.total;
  if (by === "delivery") {
    const rank = (k: string) => (DELIVERY_ORDER.includes(k) ? DELIVERY_ORDER.indexOf(k) : DELIVERY_ORDER.length);
    return rank(a.key) - rank(b.key) || b.total - a.total;
  }
  return b.total - a.total || (a.key < b.key ? -1 : 1);
}

function histogramOf(messages: readonly OverviewMessage[], times: (number | null)[], window: { start: number; end: number }): Histogram {
  const bucketMs = bucketWidth(Math.max(window.end - window.start, 1));
  const start = Math.floor(window.start / bucketMs) * bucketMs;
  const buckets = Math.max(1, Math.ceil((window.end - start) / bucketMs));
  const frame = { start, bucketMs, buckets };
  const series = {} as Record<Breakdown, Series[]>;
  for (const by of BREAKDOWNS) {
    const byKey = new Map<string, Series>();
    messages.forEach((m, i) => {
      const t = times[i];
      const b = t === null || t === undefined ? null : bucketIndex(t, frame);
      if (b === null) return;
      const key = breakdownKey(m, by);
      let s = byKey.get(key);
      if (!s) byKey.set(key, (s = { key, counts: new Array<number>(buckets).fill(0), total: 0 }));
      s.counts[b]!++;
      s.total++;
    });
    let list = [...byKey.values()].sort((a, b) => seriesOrder(by, a, b));
    if ((by === "domain" || by === "category") && list.length > DOMAIN_SERIES + 1) {
      const rest = list.slice(DOMAIN_SERIES);
      const other: Series = { key: OTHER, counts: new Array<number>(buckets).fill(0), total: 0 };
      for (const s of rest) {
        s.counts.forEach((c, k) => (other.counts[k]! += c));
        other.total += s.total;
      }
      list = [...list.slice(0, DOMAIN_SERIES), other];
    }
    series[by] = list;
  }
  return { start: new Date(start).toISOString(), end: new Date(start + buckets * bucketMs).toISOString(), bucketMs, buckets, series };
}

function topOf(messages: readonly OverviewMessage[], valuesOf: (m: OverviewMessage) => (string | null | undefined)[]): TopEntry[] {
  const counts = new Map<string, TopEntry>();
  for (const m of messages) {
    const delivered = deliveredOf(m);
    for (const value of new Set(valuesOf(m))) {
      if (!value) continue;
      let e = counts.get(value);
      if (!e) counts.set(value, (e = { value, count: 0, delivered: 0 }));
      e.count++;
      if (delivered) e.delivered++;
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || b.delivered - a.delivered || (a.value < b.value ? -1 : 1)).slice(0, TOP_SIZE);
}

const TOP_VALUES: Record<TopListKind, (m: OverviewMessage) => (string | null | undefined)[]> = {
  domains: (m) => [senderDomain(m)],
  senders: (m) => [senderAddress(m)],
  recipients: (m) => recipientsOf(m).map((r) => r.toLowerCase()),
  subjects: (m) => [m.subject],
  ips: (m) => [sendingIp(m)],
};

/**
 * The overview of `messages` (newest first, as the search answers). `window`: the search's
 * start/end where it has them; otherwise the span of the messages.
 */
export function computeOverview(
  messages: readonly OverviewMessage[],
  coverage: Coverage,
  window: { start?: string; end?: string },
  now: number,
): Overview {
  const began = performance.now();
  const times = messages.map(timeOf);
  const known = times.filter((t): t is number => t !== null);
  const oldest = known.length ? Math.min(...known) : now - DAY;
  const newest = known.length ? Math.max(...known) : now;
  // With more matches than counted, the chart starts at the oldest counted message, not at a
  // start the counted messages do not reach (which would read as "nothing happened then").
  const start = window.start && !coverage.more ? Date.parse(window.start) : oldest;
  const end = window.end ? Date.parse(window.end) : Math.max(newest, Math.min(now, newest + HOUR));
  const histogram = histogramOf(messages, times, { start: Math.min(start, end - 1), end });
  const top = Object.fromEntries(TOP_LISTS.map((kind) => [kind, topOf(messages, TOP_VALUES[kind])])) as Record<TopListKind, TopEntry[]>;
  const frame = { start: Date.parse(histogram.start), bucketMs: histogram.bucketMs, buckets: histogram.buckets };
  const campaigns = groupCampaigns(messages, frame).map(({ members: _members, ...c }) => c);
  return { coverage, histogram, top, campaigns, computeMs: Math.round((performance.now() - began) * 100) / 100 };
}
