import type { UrlKey } from "@/lib/messages/search-url";
import { createBulkJobBodySchema, type CreateBulkJobBody } from "@/lib/schemas/bodies";
import type { BulkAction, Destination } from "@/lib/schemas/enums";
import type { MessageFilters } from "@/lib/schemas/search";
import { filterKeyFor, filtersToBulkSearchParams } from "./search-params";

/**
 * The new-job form's checks. The body is judged by the API route's own schema
 * (`createBulkJobBodySchema`), so the form cannot accept what the route refuses; on top of it the
 * form asks for two confirmations the API cannot: acting on an unfiltered search, and releasing
 * malicious mail.
 */

export interface BulkJobDraft {
  action: BulkAction;
  /** "" until one is chosen. */
  destination: Destination | "";
  comment: string;
  /** The job's search, absolute: a relative range is resolved before it gets here. */
  filters: MessageFilters;
  /** Whether the search narrows anything beyond the date window (see isUnfilteredSearch). */
  confirmedUnfiltered: boolean;
}

/** Controls of the form itself, apart from the search filters. */
export type BulkFormField = "action" | "destination" | "comment" | "confirmUnfiltered";

export interface BulkFormErrors {
  form: Partial<Record<BulkFormField, string>>;
  /** Next to the search filter controls, keyed like the search page's URL. */
  filters: Partial<Record<UrlKey, string>>;
  /** Anything that belongs to no control. */
  other: string[];
}

export function emptyErrors(): BulkFormErrors {
  return { form: {}, filters: {}, other: [] };
}

export function hasErrors(e: BulkFormErrors): boolean {
  return Object.keys(e.form).length > 0 || Object.keys(e.filters).length > 0 || e.other.length > 0;
}

// Neither the window nor the detections flag picks messages out: a search with only those still
// matches every message of the period.
const NOT_NARROWING: ReadonlySet<keyof MessageFilters> = new Set(["start", "end", "detections_only"]);

/** True when nothing but dates and the detections flag is set: the job would touch every message. */
export function isUnfilteredSearch(filters: MessageFilters): boolean {
  return !Object.entries(filters).some(
    ([key, value]) => !NOT_NARROWING.has(key as keyof MessageFilters) && value !== undefined && value !== "",
  );
}

export function buildCreateBody(draft: BulkJobDraft): Record<string, unknown> {
  const comment = draft.comment.trim();
  return {
    action: draft.action,
    search_params: filtersToBulkSearchParams(draft.filters),
    ...(draft.action === "MOVE" && draft.destination ? { destination: draft.destination } : {}),
    ...(comment ? { comment } : {}),
  };
}

const FORM_FIELDS: readonly string[] = ["action", "destination", "comment"];

/**
 * Sorts error messages keyed by field path (`destination`, `search_params.end`, as the API route
 * reports them in `error.fields`) to the control they belong to.
 */
export function errorsFromFields(fields: Record<string, string> | undefined): BulkFormErrors {
  const errors = emptyErrors();
  for (const [path, message] of Object.entries(fields ?? {})) {
    if (FORM_FIELDS.includes(path)) {
      errors.form[path as BulkFormField] ??= message;
      continue;
    }
    const filter = path.startsWith("search_params.") ? filterKeyFor(path) : undefined;
    if (filter) errors.filters[filter] ??= message;
    else errors.other.push(path === "search_params" || path === "input" ? message : `${path}: ${message}`);
  }
  return errors;
}

export type BulkJobValidation = { ok: true; body: CreateBulkJobBody } | { ok: false; errors: BulkFormErrors };

export function validateBulkJob(draft: BulkJobDraft): BulkJobValidation {
  const parsed = createBulkJobBodySchema.safeParse(buildCreateBody(draft));
  const fields: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fields[issue.path.map(String).join(".") || "input"] ??= issue.message;
  }
  const errors = errorsFromFields(fields);
  if (isUnfilteredSearch(draft.filters) && !draft.confirmedUnfiltered) {
    errors.form.confirmUnfiltered =
      "This search has no filters, so the job would act on every message in its date window. Add a filter, or confirm that this is intended.";
  }
  if (!parsed.success || hasErrors(errors)) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** Dispositions whose release puts a known threat in front of its recipients. */
export const DANGEROUS_RELEASE_DISPOSITIONS: readonly string[] = ["MALICIOUS", "MALICIOUS-BEC"];

export function isDangerousDisposition(disposition: string | null | undefined): boolean {
  return DANGEROUS_RELEASE_DISPOSITIONS.includes(disposition ?? "");
}
