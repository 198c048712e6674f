import { POLICIES_URL_KEYS } from "./url-keys";
import type { PolicyTab } from "@/lib/schemas/policies";

// Client-safe. Where a link to a policy entry goes: its list, filtered by its exact pattern (the
// `pattern` filter is Cloudflare's exact lookup, so the link opens that entry and no neighbour).

export function policyEntryHref(tab: PolicyTab, pattern: string): string {
  return `/policies?${POLICIES_URL_KEYS.serialize({ tab, pattern })}`;
}
