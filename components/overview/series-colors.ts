import { dispositionSeverity, type Severity } from "@/lib/severity";
import { NONE, OTHER, type Breakdown } from "@/lib/overview/types";

// Fills for the chart from the console's one severity scale (the same steps as the badges), so a
// red band means what a red badge means. theme-colors.css turns each colour over in dark mode.
const SEVERITY_FILLS: Record<Severity, string> = {
  critical: "fill-red-700 bg-red-700",
  high: "fill-red-400 bg-red-400",
  elevated: "fill-amber-400 bg-amber-400",
  low: "fill-sky-400 bg-sky-400",
  minimal: "fill-zinc-400 bg-zinc-400",
  none: "fill-zinc-300 bg-zinc-300",
  unknown: "fill-indigo-300 bg-indigo-300",
};

const DELIVERY_FILLS: Record<string, string> = {
  // A threat in a mailbox is the overview's loudest fact; handled mail recedes.
  delivered: SEVERITY_FILLS.elevated,
  move_failed: SEVERITY_FILLS.high,
  moved: SEVERITY_FILLS.low,
  quarantined: SEVERITY_FILLS.minimal,
};

// Names without a severity (categories, domains) take distinct, equally quiet tones.
const NAMED_FILLS = [
  "fill-sky-600 bg-sky-600",
  "fill-indigo-400 bg-indigo-400",
  "fill-emerald-500 bg-emerald-500",
  "fill-amber-300 bg-amber-300",
  "fill-sky-300 bg-sky-300",
  "fill-indigo-600 bg-indigo-600",
  "fill-emerald-300 bg-emerald-300",
  "fill-zinc-500 bg-zinc-500",
];

const CATEGORY_SEVERITY: Record<string, Severity> = {
  CredentialHarvester: "critical",
  Malware: "critical",
  BEC: "critical",
  Spoof: "high",
  Impersonation: "high",
  Link: "elevated",
  Attachment: "elevated",
  Spam: "low",
  Bulk: "minimal",
};

/** The fill (SVG) and background (legend swatch) classes of one series. */
export function seriesColor(by: Breakdown, key: string, index: number): string {
  if (key === OTHER || key === NONE) return SEVERITY_FILLS.none;
  switch (by) {
    case "disposition":
      return SEVERITY_FILLS[dispositionSeverity(key)];
    case "delivery":
      return DELIVERY_FILLS[key] ?? SEVERITY_FILLS.none;
    case "category":
      return CATEGORY_SEVERITY[key] ? SEVERITY_FILLS[CATEGORY_SEVERITY[key]] : NAMED_FILLS[index % NAMED_FILLS.length]!;
    case "domain":
      return NAMED_FILLS[index % NAMED_FILLS.length]!;
  }
}
