import { z } from "zod";
import { ALL_FILTER_KEYS, BULK_ONLY_KEYS, SEARCH_FILTER_KEYS, bulkOnlyFilterShape, searchFilterShape } from "@/lib/filters/registry";

export { isoDateTimeSchema, queryBooleanSchema } from "@/lib/filters/values";

export const perPageSchema = z
  .string()
  .regex(/^\d{1,4}$/, "per_page must be a whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "per_page must be at least 1").max(1000, "per_page must be at most 1000"));

export const pageSchema = z
  .string()
  .regex(/^\d{1,6}$/, "page must be a whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "page must be at least 1"));

/**
 * Cursors are opaque tokens that travel in a query string: base64 of either alphabet (so `/`, `+`
 * and `=` are fine) plus `.`, `~`, `-`, `_`. No spaces, control characters, or dot segments
 * (`..` between slashes), which only a probe would send.
 */
export const MAX_CURSOR_LENGTH = 2048;
export const cursorSchema = z
  .string()
  .max(MAX_CURSOR_LENGTH, "cursor is too long")
  .regex(/^[A-Za-z0-9_\-=.~+/]+$/, "cursor is not one Cloudflare issued")
  .refine((v) => !/(^|\/)\.\.?(\/|$)/.test(v), "cursor is not one Cloudflare issued");

/**
 * The filters of the search operation (`GET /investigate` in Cloudflare's description, the SDK's
 * `InvestigateListParams`), as they appear in a query string: exactly those, so no filter looks
 * active while Cloudflare ignores it. Derived from the filter registry (`lib/filters/registry`).
 */
export const messageFilterShape = searchFilterShape;

/**
 * Filters only a bulk job's `search_params` have (the search operation has neither): offered on
 * the bulk form only. `submission` is sent to the job as `submissions`.
 */
export { bulkOnlyFilterShape };

/** Clock skew tolerated between the browser that wrote `start` and this server. */
const FUTURE_SKEW_MS = 5 * 60_000;

/** What is wrong with a start/end pair, by key: one rule for schemas and for the URL reader. */
export function dateRangeIssues(v: { start?: string; end?: string }): { key: "start" | "end"; message: string }[] {
  const issues: { key: "start" | "end"; message: string }[] = [];
  if (v.start && Date.parse(v.start) > Date.now() + FUTURE_SKEW_MS) issues.push({ key: "start", message: "Start must not be in the future" });
  if (v.start && v.end && Date.parse(v.start) > Date.parse(v.end)) issues.push({ key: "end", message: "End must not be before start" });
  return issues;
}

export function checkDateRange(v: { start?: string; end?: string }, ctx: z.RefinementCtx) {
  for (const issue of dateRangeIssues(v)) ctx.addIssue({ code: "custom", path: [issue.key], message: issue.message });
}

/**
 * GET /api/email-security/investigate: the filters plus paging, by cursor or, when Cloudflare
 * answered page-numbered, by page.
 */
export const messageSearchSchema = z
  .strictObject({
    ...messageFilterShape,
    cursor: cursorSchema.optional(),
    page: pageSchema.optional(),
    per_page: perPageSchema.optional(),
  })
  .superRefine((v, ctx) => {
    checkDateRange(v, ctx);
    if (v.cursor && v.page) ctx.addIssue({ code: "custom", path: ["page"], message: "Give a cursor or a page, not both" });
  });
export type MessageSearch = z.infer<typeof messageSearchSchema>;
export type SearchFilters = Omit<MessageSearch, "cursor" | "page" | "per_page">;
export type BulkOnlyFilters = { [K in keyof typeof bulkOnlyFilterShape]?: z.output<(typeof bulkOnlyFilterShape)[K]> };
/** A search as the console's forms hold it: the search operation's filters, plus the bulk-only ones on the bulk form. */
export type MessageFilters = SearchFilters & BulkOnlyFilters;

/** The search operation's filters, in the order the form and the URL use. */
export const FILTER_KEYS = SEARCH_FILTER_KEYS as (keyof SearchFilters)[];
export const BULK_ONLY_FILTER_KEYS = BULK_ONLY_KEYS as (keyof BulkOnlyFilters)[];
/** Every filter the bulk form offers. */
export const BULK_FILTER_KEYS = ALL_FILTER_KEYS as (keyof MessageFilters)[];
