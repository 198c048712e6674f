import { RANGE_PRESETS, emptyState, serializeMessageUrl } from "@/lib/messages/search-url";

/**
 * Built-in views, defined here rather than stored: everyone has them and nobody can delete them.
 * Client-safe.
 *
 * "Delivered threats" are messages still delivered to a mailbox whose disposition is MALICIOUS,
 * SUSPICIOUS or SPOOF. Cloudflare's search takes a single `final_disposition`, so no one search
 * can ask for all three. Rather than run three searches and merge them behind the analyst's back
 * (a merged list could not page, sort or be shared as one link), the preset is three sibling
 * searches, worst first, and the menu says so.
 */

export const DELIVERED_THREAT_DISPOSITIONS = ["MALICIOUS", "SUSPICIOUS", "SPOOF"] as const;
const RANGE = "30d" as const;

export interface ViewPreset {
  id: string;
  name: string;
  query: string;
}

function deliveredThreatQuery(disposition: (typeof DELIVERED_THREAT_DISPOSITIONS)[number]): string {
  return serializeMessageUrl({ ...emptyState(), filters: { delivery_status: "delivered", final_disposition: disposition }, range: RANGE });
}

export const DELIVERED_THREATS: { title: string; note: string; presets: ViewPreset[] } = {
  title: "Delivered threats",
  note: `Still in mailboxes, ${RANGE_PRESETS[RANGE].label.toLowerCase()}. Cloudflare's search takes one disposition at a time, so this is three searches.`,
  presets: DELIVERED_THREAT_DISPOSITIONS.map((disposition) => ({
    id: `delivered-${disposition.toLowerCase()}`,
    name: `Delivered ${disposition}`,
    query: deliveredThreatQuery(disposition),
  })),
};
