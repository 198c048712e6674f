import type { BulkJob } from "@/lib/cloudflare/types";
import { labelFor, type UrlKey, type UrlScope } from "@/lib/messages/search-url";
import { bulkParamKey, filterForBulkParam } from "@/lib/filters/registry";
import type { BulkSearchParams } from "@/lib/schemas/bodies";
import { BULK_FILTER_KEYS, BULK_ONLY_FILTER_KEYS, FILTER_KEYS, type MessageFilters } from "@/lib/schemas/search";

/**
 * A bulk job's `search_params` (JSON, Cloudflare's names) ⇄ the search page's URL filters (query
 * string). The fields are the same search, but two things differ: the submissions flag is
 * `submissions` in the job and `submission` in a search, and the job's values are typed (booleans,
 * nulls) where the URL's are strings.
 */

export type JobSearchParams = BulkJob["search_params"];

type FilterKey = keyof MessageFilters;
type BulkKey = keyof BulkSearchParams;

/** The job field a search filter is sent as. */
export function bulkKeyFor(key: FilterKey): BulkKey {
  return bulkParamKey(key);
}

/**
 * The URL filter a job field corresponds to, for showing an error next to the right control;
 * `search_params.end` and `end` both name the `end` filter. Undefined for fields the search
 * page has no control for (e.g. the deprecated `action_log`).
 */
export function filterKeyFor(field: string): FilterKey | undefined {
  const name = field.startsWith("search_params.") ? field.slice("search_params.".length) : field;
  return filterForBulkParam(name);
}

/** The search filters as a job's `search_params`; unset filters are left out, not sent as null. */
export function filtersToBulkSearchParams(filters: MessageFilters): BulkSearchParams {
  const out: Record<string, unknown> = {};
  for (const key of BULK_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) out[bulkKeyFor(key)] = value;
  }
  return out as BulkSearchParams;
}

function toUrlValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

/**
 * A job's search as the search page's query string, in the search page's key order. Values are
 * passed on as the job holds them: one the search page cannot filter by (MALICIOUS-BEC) is then
 * shown there next to its filter rather than silently dropped, which would widen the search.
 */
export function bulkSearchParamsToUrlParams(
  params: JobSearchParams | null | undefined,
  /** "search": only what the search page can apply (a link there); "bulk": the whole job search. */
  scope: UrlScope = "bulk",
): URLSearchParams {
  const out = new URLSearchParams();
  if (!params) return out;
  const record = params as Record<string, unknown>;
  for (const key of scope === "bulk" ? BULK_FILTER_KEYS : FILTER_KEYS) {
    const value = toUrlValue(record[bulkKeyFor(key)]);
    if (value !== undefined) out.set(key, value);
  }
  return out;
}

/** The job's filters the search page cannot apply (exact subject, submissions), by label. */
export function bulkOnlyFiltersIn(params: JobSearchParams | null | undefined): string[] {
  const inJob = bulkSearchParamsToUrlParams(params, "bulk");
  return BULK_ONLY_FILTER_KEYS.filter((k) => inJob.has(k)).map((k) => labelFor(k));
}

/** The job's search as label/value pairs, in the search page's words. */
export function describeBulkSearchParams(params: JobSearchParams | null | undefined): { key: UrlKey; label: string; value: string }[] {
  return [...bulkSearchParamsToUrlParams(params)].map(([key, value]) => ({ key: key as UrlKey, label: labelFor(key as UrlKey), value }));
}
