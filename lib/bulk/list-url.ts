import type { z } from "zod";
import { listBulkJobMessagesQuerySchema, listBulkJobsQuerySchema } from "@/lib/schemas/bodies";
import type { BulkAction, JobStatus } from "@/lib/schemas/enums";

/**
 * URL state of the two bulk tables: the dashboard (`/bulk?status=&action_type=&page=`) and a
 * job's messages (`/bulk/{id}?status=&page=`). The keys and their checks are the API route's own
 * query schemas, so a link can only hold what the route accepts. A bad value is dropped and
 * reported, never guessed at.
 */

export const JOB_LIST_PAGE_SIZE = 25;
export const JOB_MESSAGES_PAGE_SIZE = 50;

export type JobMessageStatus = z.output<typeof listBulkJobMessagesQuerySchema>["status"] & string;

export interface JobListUrlState {
  status?: JobStatus;
  actionType?: BulkAction;
  page: number;
  perPage: number;
}

export interface JobMessagesUrlState {
  status?: JobMessageStatus;
  page: number;
  perPage: number;
}

export interface ParsedUrl<S> {
  state: S;
  /** By URL key, to show next to the control. */
  errors: Record<string, string>;
}

function parseKeys(shape: Record<string, z.ZodType>, params: URLSearchParams): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const all = params.getAll(key).filter((v) => v.trim() !== "");
    if (all.length === 0) continue;
    if (all.length > 1) {
      errors[key] = `${key} is given more than once`;
      continue;
    }
    // zod's optional() passes undefined; a present value is checked by the inner schema.
    const result = schema.safeParse(all[0]);
    if (result.success) values[key] = result.data;
    else errors[key] = result.error.issues[0]?.message ?? `${key} is invalid`;
  }
  return { values, errors };
}

export function parseJobListUrl(params: URLSearchParams): ParsedUrl<JobListUrlState> {
  const { values, errors } = parseKeys(listBulkJobsQuerySchema.shape, params);
  return {
    state: {
      status: values.status as JobStatus | undefined,
      actionType: values.action_type as BulkAction | undefined,
      page: (values.page as number | undefined) ?? 1,
      perPage: (values.per_page as number | undefined) ?? JOB_LIST_PAGE_SIZE,
    },
    errors,
  };
}

export function serializeJobListUrl(state: JobListUrlState): string {
  const out = new URLSearchParams();
  if (state.status) out.set("status", state.status);
  if (state.actionType) out.set("action_type", state.actionType);
  if (state.page > 1) out.set("page", String(state.page));
  if (state.perPage !== JOB_LIST_PAGE_SIZE) out.set("per_page", String(state.perPage));
  return out.toString();
}

export function parseJobMessagesUrl(params: URLSearchParams): ParsedUrl<JobMessagesUrlState> {
  const { values, errors } = parseKeys(listBulkJobMessagesQuerySchema.shape, params);
  return {
    state: {
      status: values.status as JobMessageStatus | undefined,
      page: (values.page as number | undefined) ?? 1,
      perPage: (values.per_page as number | undefined) ?? JOB_MESSAGES_PAGE_SIZE,
    },
    errors,
  };
}

export function serializeJobMessagesUrl(state: JobMessagesUrlState): string {
  const out = new URLSearchParams();
  if (state.status) out.set("status", state.status);
  if (state.page > 1) out.set("page", String(state.page));
  if (state.perPage !== JOB_MESSAGES_PAGE_SIZE) out.set("per_page", String(state.perPage));
  return out.toString();
}

/**
 * Whether a page after this one exists. Bulk lists carry no reliable total: a `next` or a
 * `next_page` from the console's API settles it; without either, a full page means there may
 * be more. `rows` counts every row Cloudflare sent, including any the console could not read.
 */
export function hasNextPage(
  info: { next?: string | null; next_page?: number | null } | undefined,
  rows: number,
  perPage: number,
): boolean {
  return Boolean(info?.next) || Boolean(info?.next_page) || rows >= perPage;
}
