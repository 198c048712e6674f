import { z } from "zod";
import {
  DELIVERY_STATUSES,
  MESSAGE_ACTIONS,
  SEARCH_DISPOSITIONS,
  deliveryStatusSchema,
  dispositionSchema,
  messageActionSchema,
  searchDispositionSchema,
} from "@/lib/schemas/enums";
import { bulkText, ipSchema, isoDateTimeSchema, queryBooleanSchema, text } from "./values";

/**
 * Every message filter the console knows, once. The search schema, the bulk `search_params`
 * schema, the URL parser, the filter bar, the labels in error messages and the export's
 * description are all derived from this table: adding a filter is one entry here.
 *
 * - `in`: where Cloudflare accepts it. "both": the search operation (`GET /investigate`) and a
 *   bulk job's `search_params`; "bulk": `search_params` only (the search has neither
 *   `exact_subject` nor `submissions`), so only the bulk form offers it.
 * - `bulkKey`: its name in `search_params`, when not the same as in a search.
 * - `url`: the schema of its query-string value (the search route's query, the console's URL).
 * - `bulk`: the schema of its JSON value in `search_params`.
 * - `input`: the control the filter bar shows; "range" fields are edited by the date-range control,
 *   "flag" by a checkbox. `main`: shown in the bar's first row rather than under "More filters".
 * - `source`: "sdk" where the published description lacks it and the `cloudflare` SDK has it
 *   (`smtp_helo_ip`), so the contract tests know why it is sent.
 *
 * The order is the URL's (and the export's): changing it changes every copied link.
 */
export const FILTERS = {
  query: { label: "Search", in: "both", input: "text", main: true, placeholder: "Free text: addresses, subject, ids…", url: text("Search", 512), bulk: bulkText(512) },
  sender: { label: "Sender", in: "both", input: "text", main: true, placeholder: "address or domain", url: text("Sender"), bulk: bulkText(256) },
  recipient: { label: "Recipient", in: "both", input: "text", placeholder: "address or domain", url: text("Recipient"), bulk: bulkText(256) },
  subject: { label: "Subject", in: "both", input: "text", placeholder: "contains", url: text("Subject", 512), bulk: bulkText(512) },
  domain: { label: "Domain", in: "both", input: "text", placeholder: "example.com", url: text("Domain", 253), bulk: bulkText(253) },
  alert_id: { label: "Alert id", in: "both", input: "text", url: text("Alert id", 128), bulk: bulkText(128) },
  message_id: { label: "Message-ID", in: "both", input: "text", placeholder: "<…@…>", url: text("Message-ID", 512), bulk: bulkText(512) },
  smtp_helo_ip: { label: "HELO IP", in: "both", source: "sdk", input: "text", url: ipSchema("HELO IP"), bulk: ipSchema("HELO IP").nullable().optional() },
  start: { label: "Start", in: "both", input: "range", url: isoDateTimeSchema, bulk: isoDateTimeSchema.optional() },
  end: { label: "End", in: "both", input: "range", url: isoDateTimeSchema, bulk: isoDateTimeSchema.optional() },
  final_disposition: { label: "Disposition", in: "both", input: "select", main: true, options: SEARCH_DISPOSITIONS, url: searchDispositionSchema, bulk: dispositionSchema.nullable().optional() },
  delivery_status: { label: "Delivery status", in: "both", input: "select", options: DELIVERY_STATUSES, url: deliveryStatusSchema, bulk: deliveryStatusSchema.nullable().optional() },
  message_action: { label: "Message action", in: "both", input: "select", options: MESSAGE_ACTIONS, url: messageActionSchema, bulk: messageActionSchema.nullable().optional() },
  detections_only: { label: "Detections only", in: "both", input: "flag", url: queryBooleanSchema, bulk: z.boolean().optional() },
  metric: { label: "Metric", in: "both", input: "text", url: text("Metric", 64), bulk: bulkText(64) },
  exact_subject: { label: "Exact subject", in: "bulk", input: "text", url: text("Exact subject", 1000), bulk: bulkText(1000) },
  submission: {
    label: "Submissions",
    in: "bulk",
    bulkKey: "submissions",
    input: "select",
    options: ["true", "false"],
    optionLabels: { "": "Any", true: "Submissions only", false: "Not submissions" },
    url: queryBooleanSchema,
    bulk: z.boolean().optional(),
  },
} as const satisfies Record<string, FilterDef>;

export type FilterInput = "text" | "select" | "range" | "flag";
export interface FilterDef {
  label: string;
  in: "both" | "bulk";
  input: FilterInput;
  main?: boolean;
  placeholder?: string;
  options?: readonly string[];
  optionLabels?: Readonly<Record<string, string>>;
  bulkKey?: string;
  source?: "sdk";
  url: z.ZodType<unknown, string>;
  bulk: z.ZodType;
}

type Filters = typeof FILTERS;
export type FilterKey = keyof Filters;
/** Filters of the search operation (and of bulk jobs). */
export type SearchFilterKey = { [K in FilterKey]: Filters[K]["in"] extends "both" ? K : never }[FilterKey];
/** Filters only a bulk job's `search_params` have. */
export type BulkOnlyFilterKey = Exclude<FilterKey, SearchFilterKey>;
/** A filter's name in `search_params`. */
export type BulkParamKey = { [K in FilterKey]: Filters[K] extends { bulkKey: infer B extends string } ? B : K }[FilterKey];

const ALL_KEYS = Object.keys(FILTERS) as FilterKey[];
const definition = (key: FilterKey): FilterDef => FILTERS[key];

/** The search operation's filters, in URL order. */
export const SEARCH_FILTER_KEYS = ALL_KEYS.filter((k) => definition(k).in === "both") as SearchFilterKey[];
/** The filters only bulk jobs have, in URL order. */
export const BULK_ONLY_KEYS = ALL_KEYS.filter((k) => definition(k).in === "bulk") as BulkOnlyFilterKey[];
/** Every filter the bulk form offers: the search's, then the bulk-only ones (the bulk form's URL order). */
export const ALL_FILTER_KEYS: FilterKey[] = [...SEARCH_FILTER_KEYS, ...BULK_ONLY_KEYS];

export function filterDef(key: FilterKey): FilterDef {
  return definition(key);
}

export function filterLabel(key: FilterKey): string {
  return definition(key).label;
}

export function isFilterKey(key: string): key is FilterKey {
  return Object.hasOwn(FILTERS, key);
}

/** The name a filter is sent under in a bulk job's `search_params`. */
export function bulkParamKey(key: FilterKey): BulkParamKey {
  return (definition(key).bulkKey ?? key) as BulkParamKey;
}

/** The filter a `search_params` field is, or undefined for fields the console has no filter for. */
export function filterForBulkParam(name: string): FilterKey | undefined {
  return ALL_KEYS.find((k) => bulkParamKey(k) === name);
}

/** The filters the bar offers for a form ("search": the search's; "bulk": all) with a given control. */
export function filtersWithInput(scope: "search" | "bulk", input: FilterInput): FilterKey[] {
  return (scope === "bulk" ? ALL_FILTER_KEYS : SEARCH_FILTER_KEYS).filter((k) => definition(k).input === input);
}

type UrlShape<K extends FilterKey> = { [P in K]: z.ZodOptional<Filters[P]["url"]> };
type BulkShape = { [P in FilterKey as Filters[P] extends { bulkKey: infer B extends string } ? B : P]: Filters[P]["bulk"] };

function urlShape<K extends FilterKey>(keys: readonly K[]): UrlShape<K> {
  return Object.fromEntries(keys.map((k) => [k, FILTERS[k].url.optional()])) as unknown as UrlShape<K>;
}

/** The search operation's filters as query-string schemas: the search route's query and the URL. */
export const searchFilterShape = urlShape(SEARCH_FILTER_KEYS);
/** The bulk-only filters as query-string schemas (the bulk form's URL). */
export const bulkOnlyFilterShape = urlShape(BULK_ONLY_KEYS);
/** Every filter as a bulk job's typed `search_params` field, under Cloudflare's names. */
export const bulkSearchParamsShape = Object.fromEntries(ALL_FILTER_KEYS.map((k) => [bulkParamKey(k), FILTERS[k].bulk])) as unknown as BulkShape;
