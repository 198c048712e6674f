import { z } from "zod";
import { DELIVERY_STATUSES, SEARCH_DISPOSITIONS } from "@/lib/schemas/enums";
import type { SearchFilters } from "@/lib/schemas/search";
import { defineUrlKeys } from "@/lib/url-state/url-keys";
import { BREAKDOWNS, NONE, OTHER, type Breakdown, type TopListKind } from "./types";

/**
 * The overview's own keys on `/messages`: folded or not, and the breakdown. Kept apart from the
 * search's keys, so changing the search keeps them and a copied search link (or a saved view)
 * does not carry them.
 */
export const OVERVIEW_URL_KEYS = defineUrlKeys({
  overview: { schema: z.enum(["hidden"], { message: "Overview must be hidden or absent" }), label: "Overview" },
  breakdown: { schema: z.enum(BREAKDOWNS, { message: `Breakdown must be one of ${BREAKDOWNS.join(", ")}` }), label: "Breakdown" },
});
export const OVERVIEW_URL_KEY_NAMES: readonly string[] = Object.keys(OVERVIEW_URL_KEYS.defs);
export const DEFAULT_BREAKDOWN: Breakdown = "disposition";

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/**
 * The search filter a chart segment stands for, or null where Cloudflare's search has none
 * (threat category; MALICIOUS-BEC, which the search's disposition filter lacks; "(other)").
 */
export function filterForSegment(by: Breakdown, key: string): Partial<SearchFilters> | null {
  if (key === NONE || key === OTHER) return null;
  switch (by) {
    case "disposition":
      return isOneOf(SEARCH_DISPOSITIONS, key) ? { final_disposition: key } : null;
    case "delivery":
      return isOneOf(DELIVERY_STATUSES, key) ? { delivery_status: key } : null;
    case "domain":
      return { sender: key };
    case "category":
      return null;
  }
}

/** The search filter a top-list entry stands for. */
export function filterForTopEntry(kind: TopListKind, value: string): Partial<SearchFilters> | null {
  switch (kind) {
    case "domains":
    case "senders":
      return { sender: value };
    case "recipients":
      return { recipient: value };
    case "subjects":
      return value.length <= 512 ? { subject: value } : null;
    case "ips":
      return /^[0-9a-fA-F:.]+$/.test(value) ? { smtp_helo_ip: value } : null;
  }
}

/** A campaign's page: its id in the path, the search it was found in as the query (the window frozen). */
export function campaignHref(id: string, searchQuery: string): string {
  return `/campaigns/${encodeURIComponent(id)}${searchQuery ? `?${searchQuery}` : ""}`;
}
