import { ALL_FILTER_KEYS } from "@/lib/filters/registry";

/**
 * The order keys are written in, for every page: a filter changed in the middle of a link lands
 * where a freshly built link has it, so the same view always has the same address. Each page's
 * own keys are in the order its links have always had; keys no page knows keep their order, last.
 */
const ORDER: readonly string[] = [
  // message page, policies, audit
  "tab",
  "list",
  "email",
  "operation",
  "outcome",
  "search",
  "pattern",
  "pattern_type",
  // the message filters (the registry's order); submissions and bulk tables share some of them
  ...ALL_FILTER_KEYS.flatMap((k) => (k === "start" ? ["type", "status", "action_type", "original_disposition", "requested_disposition", "outcome_disposition", "submission_id", k] : [k])),
  "order",
  "direction",
  "range",
  "sort",
  "per_page",
  "prev",
  "cursor",
  "page",
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

export function canonicalKeyOrder(search: URLSearchParams): URLSearchParams {
  const entries = [...search.entries()];
  const rank = (k: string) => RANK.get(k) ?? ORDER.length;
  // Array sort is stable: repeated and unknown keys keep their relative order.
  entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  return new URLSearchParams(entries);
}
