import { z } from "zod";
import {
  BULK_FILTER_KEYS,
  BULK_ONLY_FILTER_KEYS,
  FILTER_KEYS,
  bulkOnlyFilterShape,
  checkDateRange,
  cursorSchema,
  messageFilterShape,
  pageSchema,
  type MessageFilters,
} from "@/lib/schemas/search";
import { filterLabel, isFilterKey } from "@/lib/filters/registry";

/**
 * The message list's URL state: every filter, the page (cursor plus the trail of cursors that
 * led to it, or a page number when Cloudflare answered page-numbered), the page size, the in-page
 * sort and a relative date range. One parser and one serialiser, so a pasted link, back/forward
 * and the filter form all agree. The search page reads only the search operation's filters; the
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

const urlSchema = z
  .strictObject({
    ...messageFilterShape,
    ...bulkOnlyFilterShape,
    page: pageSchema.optional(),
    range: rangeSchema.optional(),
    sort: sortSchema.optional(),
    per_page: urlPerPageSchema.optional(),
    prev: trailSchema.optional(),
    cursor: cursorSchema.optional(),
  })
  .superRefine((v, ctx) => {
    checkDateRange(v, ctx);
    if (v.range && (v.start || v.end)) {
      ctx.addIssue({ code: "custom", path: ["range"], message: "Choose a preset or a custom start/end, not both" });
    }
    if (v.page && v.cursor) {
      ctx.addIssue({ code: "custom", path: ["page"], message: "A page number and a cursor cannot both be given" });
    }
    if (v.prev && !v.cursor) {
      ctx.addIssue({ code: "custom", path: ["prev"], message: "Earlier pages were given without a current page" });
    }
  });

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

function isUrlKey(key: string): key is UrlKey {
  return (URL_KEYS as readonly string[]).includes(key);
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function toEntries(params: Params): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.push([k, one]);
  }
  return out;
}

/** Never throws: a bad URL yields the valid part of the state plus an error per bad key. */
export function parseMessageUrl(params: Params, scope: UrlScope = "search"): ParsedMessageUrl {
  const raw: Partial<Record<UrlKey, string>> = {};
  const errors: Partial<Record<UrlKey, string>> = {};
  const unknownKeys: string[] = [];
  const bulkOnlyKeys: UrlKey[] = [];
  const seen = new Set<string>();

  for (const [key, value] of toEntries(params)) {
    if (!isUrlKey(key)) {
      if (!unknownKeys.includes(key)) unknownKeys.push(key);
      continue;
    }
    if (scope === "search" && isBulkOnly(key)) {
      if (!bulkOnlyKeys.includes(key)) bulkOnlyKeys.push(key);
      continue;
    }
    if (seen.has(key)) {
      errors[key] = `${LABELS[key]} is given more than once`;
      continue;
    }
    seen.add(key);
    // An empty field in a hand-edited link means "not set", as it does in the form.
    if (value.trim() === "") continue;
    raw[key] = value;
  }

  let candidate: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (!errors[k as UrlKey]) candidate[k] = v;

  // Drop the offending keys and parse again, so one bad filter does not void the others.
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = urlSchema.safeParse(candidate);
    if (result.success) {
      const state = toState(result.data);
      // Only a link that names no window at all gets the default: a bad start stays a bad start.
      if (scope === "search" && !raw.range && !raw.start && !raw.end && !errors.range && !errors.start && !errors.end) {
        state.range = DEFAULT_RANGE;
      }
      return { state, errors, raw, unknownKeys, bulkOnlyKeys };
    }
    const next = { ...candidate };
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (typeof key === "string" && isUrlKey(key)) {
        errors[key] ??= issue.message;
        delete next[key];
      }
    }
    if (Object.keys(next).length === Object.keys(candidate).length) break;
    candidate = next;
  }
  return { state: emptyState(), errors, raw, unknownKeys, bulkOnlyKeys };
}

function isBulkOnly(key: UrlKey): boolean {
  return (BULK_ONLY_FILTER_KEYS as readonly string[]).includes(key);
}

function toState(data: z.infer<typeof urlSchema>): MessageUrlState {
  const { range, sort, per_page, prev, cursor, page, ...filters } = data;
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

export function emptyState(): MessageUrlState {
  return { filters: {}, trail: [], perPage: DEFAULT_PAGE_SIZE };
}

function filterValueToString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value ? "true" : "false";
  const s = String(value);
  return s === "" ? undefined : s;
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
    const s = filterValueToString(filters[key]);
    if (s !== undefined) into.set(key, s);
  }
  return into;
}

/** The console URL's query string for a state (without the leading `?`). */
export function serializeMessageUrl(state: MessageUrlState, scope: UrlScope = "search"): string {
  const params = filtersToSearchParams(state.filters, undefined, scope);
  if (state.range) params.set("range", state.range);
  if (state.sort) params.set("sort", `${state.sort.desc ? "-" : ""}${state.sort.id}`);
  if (state.perPage !== DEFAULT_PAGE_SIZE) params.set("per_page", String(state.perPage));
  if (state.cursor) {
    if (state.trail.length > 0) params.set("prev", state.trail.join(","));
    params.set("cursor", state.cursor);
  } else if (state.page && state.page > 1) {
    params.set("page", String(state.page));
  }
  return params.toString();
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
    const s = filterValueToString(state.filters[key]);
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
