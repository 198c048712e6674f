import { z } from "zod";
import {
  BULK_FILTER_KEYS,
  BULK_ONLY_FILTER_KEYS,
  FILTER_KEYS,
  cursorSchema,
  dateRangeIssues,
  pageSchema,
  type MessageFilters,
} from "@/lib/schemas/search";
import { filterDef, filterLabel, isFilterKey } from "@/lib/filters/registry";
import { OVERVIEW_URL_KEY_NAMES } from "@/lib/overview/url";
import { defineUrlKeys, type ParamsInput, type UrlKeyDef, type UrlUpdate } from "@/lib/url-state/url-keys";

/**
 * The message list's URL state: every filter, the page (cursor plus the trail of cursors that
 * led to it, or a page number when Cloudflare answered page-numbered), the page size, the in-page
 * sort and a relative date range. One definition per key (MESSAGE_URL_KEYS, on the shared URL
 * layer), so a pasted link, back/forward, the server page and the filter form all agree. The search page reads only the search operation's filters; the
 * bulk form (scope "bulk") also the filters only bulk jobs have.
 */

export const RANGE_PRESETS = {
  "24h": { label: "Last 24 hours", ms: 24 * 3_600_000 },
  "7d": { label: "Last 7 days", ms: 7 * 24 * 3_600_000 },
  "30d": { label: "Last 30 days", ms: 30 * 24 * 3_600_000 },
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const RANGE_KEYS = Object.keys(RANGE_PRESETS) as RangePreset[];
/**
 * The search page's window when its link names none: a stated preset rather than "whatever the API
 * defaults to", so a bare `/messages` says what it shows, and a copied link freezes it like any other.
 */
export const DEFAULT_RANGE: RangePreset = "7d";

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** A dense page for sweeping a campaign; actions on more than 100 selected go in chunks of 100. */
export const MAX_PAGE_SIZE = 200;
/** Bounds the URL: past this many pages the oldest back-steps are dropped. */
export const MAX_TRAIL = 50;

export interface SortParam {
  id: string;
  desc: boolean;
}

export interface MessageUrlState {
  filters: MessageFilters;
  range?: RangePreset;
  /** Cursor of the current page; absent on the first page. */
  cursor?: string;
  /** Cursors of the pages between the first and the current one, oldest first. */
  trail: string[];
  /** The page number, when the list is page-numbered rather than cursor-based (then no cursor). */
  page?: number;
  perPage: number;
  sort?: SortParam;
}

/** Keys the console's URL may carry: the filters plus paging, sort and a relative range. */
export const URL_KEYS = [...BULK_FILTER_KEYS, "range", "sort", "per_page", "prev", "cursor", "page"] as const;
/** Which form reads the URL: the search page, or the bulk form (which has the bulk-only filters too). */
export type UrlScope = "search" | "bulk";
export type UrlKey = (typeof URL_KEYS)[number];

export interface ParsedMessageUrl {
  state: MessageUrlState;
  /** One message per offending key, to be shown next to that filter. */
  errors: Partial<Record<UrlKey, string>>;
  /** The raw single values as they were in the URL, so a bad value can be shown to be fixed. */
  raw: Partial<Record<UrlKey, string>>;
  /** Keys that mean nothing here; ignored, but reported rather than silently dropped. */
  unknownKeys: string[];
  /** Bulk-only filters in a search page link: the search cannot apply them, so they are ignored and said to be. */
  bulkOnlyKeys: UrlKey[];
}

const rangeSchema = z.enum(RANGE_KEYS as [RangePreset, ...RangePreset[]], {
  message: `Range must be one of ${RANGE_KEYS.join(", ")}`,
});

const urlPerPageSchema = z
  .string()
  .regex(/^\d{1,7}$/, "Page size must be a whole number")
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, "Page size must be at least 1")
      .max(MAX_PAGE_SIZE, `Page size must be at most ${MAX_PAGE_SIZE}`),
  );

const sortSchema = z
  .string()
  .regex(/^-?[a-z][a-z0-9_]{0,31}$/, "Sort must be a column name, optionally prefixed with '-'")
  .transform((v): SortParam => (v.startsWith("-") ? { id: v.slice(1), desc: true } : { id: v, desc: false }));

const trailSchema = z
  .string()
  .transform((v) => v.split(","))
  .pipe(z.array(cursorSchema).max(MAX_TRAIL, `At most ${MAX_TRAIL} earlier pages`));

/** Labels of the URL's own keys; the filters' come from the filter registry. */
const STATE_LABELS = {
  range: "Date range",
  sort: "Sort",
  per_page: "Page size",
  prev: "Earlier pages",
  cursor: "Page",
  page: "Page number",
} as const;

const LABELS = Object.fromEntries(
  URL_KEYS.map((k) => [k, isFilterKey(k) ? filterLabel(k) : STATE_LABELS[k as keyof typeof STATE_LABELS]]),
) as Record<UrlKey, string>;

export function labelFor(key: UrlKey): string {
  return LABELS[key];
}

const filterValueToString = (value: unknown): string => (typeof value === "boolean" ? (value ? "true" : "false") : String(value));
/** A filter's value as the URL writes it, or undefined when it has none. */
const presentValue = (value: unknown): string | undefined =>
  value === undefined || value === null || value === "" ? undefined : filterValueToString(value);
const sameSort = (a: SortParam, b: SortParam) => a.id === b.id && a.desc === b.desc;

/**
 * Every key of the message URL, once: its schema (from the filter registry for filters), how it is
 * written, its label. The search page and the bulk form navigate with its nuqs parsers; the server
 * page and the reader below parse with the same definitions.
 */
export const MESSAGE_URL_KEYS = defineUrlKeys(
  {
    ...(Object.fromEntries(
      BULK_FILTER_KEYS.map((k) => [k, { schema: filterDef(k).url, serialize: filterValueToString, label: filterLabel(k) }]),
    ) as { [K in (typeof BULK_FILTER_KEYS)[number]]: UrlKeyDef<NonNullable<MessageFilters[K]>> }),
    range: { schema: rangeSchema, label: STATE_LABELS.range } satisfies UrlKeyDef<RangePreset>,
    sort: { schema: sortSchema, serialize: (v) => `${v.desc ? "-" : ""}${v.id}`, eq: sameSort, label: STATE_LABELS.sort } satisfies UrlKeyDef<SortParam>,
    per_page: { schema: urlPerPageSchema, label: STATE_LABELS.per_page } satisfies UrlKeyDef<number>,
    prev: { schema: trailSchema, serialize: (v) => v.join(","), eq: (a, b) => a.join(",") === b.join(","), label: STATE_LABELS.prev } satisfies UrlKeyDef<string[]>,
    cursor: { schema: cursorSchema, label: STATE_LABELS.cursor } satisfies UrlKeyDef<string>,
    page: { schema: pageSchema, label: STATE_LABELS.page } satisfies UrlKeyDef<number>,
  },
  (v, fail) => {
    for (const issue of dateRangeIssues(v)) fail(issue.key, issue.message);
    if (v.range && (v.start || v.end)) fail("range", "Choose a preset or a custom start/end, not both");
    if (v.page && v.cursor) fail("page", "A page number and a cursor cannot both be given");
    if (v.prev && !v.cursor) fail("prev", "Earlier pages were given without a current page");
  },
);
export type MessageUrlValues = UrlUpdate<(typeof MESSAGE_URL_KEYS)["defs"]>;

/** Never throws: a bad URL yields the valid part of the state plus an error per bad key. */
export function parseMessageUrl(params: ParamsInput, scope: UrlScope = "search"): ParsedMessageUrl {
  // The search page cannot apply the bulk-only filters: they are set aside and said to be.
  const bulkOnlyKeys: UrlKey[] = [];
  const kept = new URLSearchParams();
  for (const [k, v] of params instanceof URLSearchParams ? params : toSearchParams(params)) {
    if (scope === "search" && isBulkOnly(k)) {
      if (!bulkOnlyKeys.includes(k as UrlKey)) bulkOnlyKeys.push(k as UrlKey);
    } else if (!OVERVIEW_URL_KEY_NAMES.includes(k)) kept.append(k, v); // the overview reads its own
  }
  const { values, errors, raw, unknownKeys } = MESSAGE_URL_KEYS.read(kept);
  const state = toState(values);
  // Only a search link that names no window at all gets the default: a bad start stays a bad start.
  if (scope === "search" && !raw.range && !raw.start && !raw.end && !errors.range && !errors.start && !errors.end) {
    state.range = DEFAULT_RANGE;
  }
  return { state, errors, raw, unknownKeys, bulkOnlyKeys };
}

function toSearchParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of v === undefined ? [] : Array.isArray(v) ? v : [v]) out.append(k, one);
  return out;
}

function isBulkOnly(key: string): boolean {
  return (BULK_ONLY_FILTER_KEYS as readonly string[]).includes(key);
}

function toState(values: ReturnType<typeof MESSAGE_URL_KEYS.read>["values"]): MessageUrlState {
  const { range, sort, per_page, prev, cursor, page, ...filters } = values;
  return {
    filters: filters as MessageFilters,
    range,
    sort,
    perPage: per_page ?? DEFAULT_PAGE_SIZE,
    cursor,
    trail: cursor ? (prev ?? []) : [],
    ...(page && page > 1 && !cursor ? { page } : {}),
  };
}

/** The URL's values for a state: every key, null where the state has none (nuqs then removes it). */
export function messageUrlValues(state: MessageUrlState, scope: UrlScope = "search"): MessageUrlValues {
  const filters: Record<string, unknown> = {};
  for (const key of scope === "bulk" ? BULK_FILTER_KEYS : FILTER_KEYS) {
    const v = state.filters[key];
    if (v !== undefined && v !== null && v !== "") filters[key] = v;
  }
  return MESSAGE_URL_KEYS.update({
    ...(filters as MessageUrlValues),
    range: state.range,
    sort: state.sort,
    per_page: state.perPage !== DEFAULT_PAGE_SIZE ? state.perPage : null,
    prev: state.cursor && state.trail.length > 0 ? state.trail : null,
    cursor: state.cursor,
    page: !state.cursor && state.page && state.page > 1 ? state.page : null,
  });
}

export function emptyState(): MessageUrlState {
  return { filters: {}, trail: [], perPage: DEFAULT_PAGE_SIZE };
}

/**
 * Writes the filters (with Cloudflare's names), in a stable order; empty fields are omitted. The
 * search operation's filters only, unless the bulk form asks for its own as well.
 */
export function filtersToSearchParams(
  filters: MessageFilters,
  into = new URLSearchParams(),
  scope: UrlScope = "search",
): URLSearchParams {
  for (const key of scope === "bulk" ? BULK_FILTER_KEYS : FILTER_KEYS) {
    const s = presentValue(filters[key]);
    if (s !== undefined) into.set(key, s);
  }
  return into;
}

/** The console URL's query string for a state (without the leading `?`), as its links and navigation write it. */
export function serializeMessageUrl(state: MessageUrlState, scope: UrlScope = "search"): string {
  return MESSAGE_URL_KEYS.serialize(messageUrlValues(state, scope));
}

/** Minute precision keeps a polled search's query stable while Cloudflare is still running it. */
const RANGE_GRANULARITY_MS = 60_000;

/** Turns a relative range into absolute start/end as of `now`. */
export function resolveRange(range: RangePreset, now: number): { start: string; end: string } {
  const end = Math.floor(now / RANGE_GRANULARITY_MS) * RANGE_GRANULARITY_MS;
  return {
    start: new Date(end - RANGE_PRESETS[range].ms).toISOString(),
    end: new Date(end).toISOString(),
  };
}

/** The filters the API receives: a relative range becomes absolute start/end. */
export function effectiveFilters(state: Pick<MessageUrlState, "filters" | "range">, now: number): MessageFilters {
  if (!state.range) return state.filters;
  return { ...state.filters, ...resolveRange(state.range, now) };
}

/** The query string for `GET /api/email-security/investigate`: exactly its keys, none empty. */
export function toApiSearchParams(
  state: Pick<MessageUrlState, "filters" | "range" | "cursor" | "perPage" | "page">,
  now: number,
): URLSearchParams {
  // The search operation's filters only: a bulk-only filter is never sent to search, where it
  // would look applied and do nothing.
  const params = filtersToSearchParams(effectiveFilters(state, now));
  if (state.cursor) params.set("cursor", state.cursor);
  else if (state.page && state.page > 1) params.set("page", String(state.page));
  params.set("per_page", String(state.perPage));
  return params;
}

/**
 * The state behind a shareable link: "last 7 days" becomes the absolute window it means right
 * now, so a teammate opening it tomorrow sees the same messages. Cursors belong to the relative
 * search, so a frozen link starts at the first page.
 */
export function freezeState(
  state: MessageUrlState,
  now: number,
  /** The window the shown page was fetched with, when known: the link then shows exactly those rows. */
  fetchedWindow?: { start: string; end: string } | null,
): MessageUrlState {
  if (!state.range) return state;
  const { range: _range, ...rest } = state;
  const window = fetchedWindow ?? resolveRange(state.range, now);
  return { ...rest, filters: { ...state.filters, ...window }, cursor: undefined, trail: [], page: undefined };
}

/** The active filters as label/value pairs, for the empty state and the export's file. */
export function describeFilters(
  state: Pick<MessageUrlState, "filters" | "range">,
  scope: UrlScope = "search",
): { key: UrlKey; label: string; value: string }[] {
  const out: { key: UrlKey; label: string; value: string }[] = [];
  for (const key of scope === "bulk" ? BULK_FILTER_KEYS : FILTER_KEYS) {
    const s = presentValue(state.filters[key]);
    if (s !== undefined) out.push({ key, label: LABELS[key], value: s });
  }
  if (state.range) out.push({ key: "range", label: LABELS.range, value: RANGE_PRESETS[state.range].label });
  return out;
}

export function hasActiveFilters(state: Pick<MessageUrlState, "filters" | "range">): boolean {
  return describeFilters(state).length > 0;
}

/** State for a new search: new filters always start again at the first page. */
export function withFilters(state: MessageUrlState, filters: MessageFilters, range?: RangePreset): MessageUrlState {
  return { ...state, filters, range, cursor: undefined, trail: [], page: undefined };
}

/**
 * The next page. A cursor belongs to the exact query that issued it (the simulator and Cloudflare
 * refuse it for any other start/end), so a relative range is pinned to the window the current
 * page was fetched with before the cursor is added.
 */
export type PageTarget = { cursor: string } | { page: number };

/** Where the page after a loaded one is: its cursor, or, on a page-numbered list, its number. */
export function followingPage(page: { next: string | null; nextPage: number | null } | undefined): PageTarget | null {
  if (page?.next) return { cursor: page.next };
  if (page?.nextPage) return { page: page.nextPage };
  return null;
}

export function nextPage(
  state: MessageUrlState,
  target: PageTarget,
  fetchedWindow?: { start: string; end: string } | null,
): MessageUrlState {
  const pinned =
    state.range && fetchedWindow ? { filters: { ...state.filters, ...fetchedWindow }, range: undefined } : {};
  if ("page" in target) return { ...state, ...pinned, cursor: undefined, trail: [], page: target.page };
  const trail = state.cursor ? [...state.trail, state.cursor] : [];
  return { ...state, ...pinned, cursor: target.cursor, trail: trail.slice(-MAX_TRAIL), page: undefined };
}

export function previousPage(state: MessageUrlState): MessageUrlState {
  if (state.page) return { ...state, page: state.page > 2 ? state.page - 1 : undefined };
  if (!state.cursor) return state;
  const trail = [...state.trail];
  const cursor = trail.pop();
  return { ...state, cursor, trail };
}

/** 1-based page number within this browsing session (no total exists to compare it with). */
export function pageNumber(state: Pick<MessageUrlState, "cursor" | "trail" | "page">): number {
  if (state.page) return state.page;
  return state.cursor ? state.trail.length + 2 : 1;
}
