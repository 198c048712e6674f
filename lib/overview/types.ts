// The overview of a search, as the server computes it and the browser shows it: the console's own
// reply type, so the page never reads Cloudflare's shapes for it.

/** What the histogram can be stacked by. */
export const BREAKDOWNS = ["disposition", "delivery", "category", "domain"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  disposition: "Disposition",
  delivery: "Delivery status",
  category: "Threat category",
  domain: "Sender domain",
};

/** The top lists beside the chart. */
export const TOP_LISTS = ["domains", "senders", "recipients", "subjects", "ips"] as const;
export type TopListKind = (typeof TOP_LISTS)[number];
export const TOP_LIST_LABELS: Record<TopListKind, string> = {
  domains: "Sender domains",
  senders: "Senders",
  recipients: "Recipients",
  subjects: "Subjects",
  ips: "Sending IPs",
};

/** The value that stands for "none of the named ones" in a breakdown or list. */
export const OTHER = "(other)";
export const NONE = "(none)";

export interface Coverage {
  /** Messages the overview was computed from. */
  counted: number;
  /** True when the search matches more than were counted (the newest `counted` are shown). */
  more: boolean;
  /** OVERVIEW_MAX_MESSAGES. */
  limit: number;
  /** Upstream pages read for it (each one read of the account's budget). */
  pages: number;
  /** Why counting stopped early, when it did (e.g. Cloudflare still running the search). */
  incomplete?: string;
}

export interface Series {
  /** The value, as the search's filter takes it where it has one (`MALICIOUS`, `delivered`, `example.com`). */
  key: string;
  /** Per bucket, oldest first. */
  counts: number[];
  total: number;
}

export interface Histogram {
  /** Start of the first bucket (ISO) and each bucket's width. */
  start: string;
  end: string;
  bucketMs: number;
  buckets: number;
  series: Record<Breakdown, Series[]>;
}

export interface TopEntry {
  value: string;
  count: number;
  /** Of `count`, how many are still delivered (in a mailbox). */
  delivered: number;
}

export interface CampaignReason {
  kind: "edf" | "html" | "infrastructure";
  /** "same detection fingerprint a1b2c3d4…" */
  text: string;
}

export interface CampaignSummary {
  /** Stable for the same fingerprint: `edf-<hash>` or `html-<hash>`. */
  id: string;
  size: number;
  firstSeen: string;
  lastSeen: string;
  /** Separate bursts of mail (gaps of more than WAVE_GAP between them). */
  waves: number;
  /** Per histogram bucket, for the sparkline. */
  spark: number[];
  dispositions: { value: string; count: number }[];
  delivered: number;
  recipients: number;
  domains: string[];
  ips: string[];
  subjects: string[];
  reasons: CampaignReason[];
}

export interface Overview {
  coverage: Coverage;
  histogram: Histogram;
  top: Record<TopListKind, TopEntry[]>;
  campaigns: CampaignSummary[];
  /** Server time spent computing (not fetching), for the bench. */
  computeMs: number;
}

/** "all 1,212", "5,000 newest of more". */
export function describeCoverage(c: Pick<Coverage, "counted" | "more">): string {
  const n = c.counted.toLocaleString("en-US");
  return c.more ? `${n} newest of more` : `all ${n}`;
}
