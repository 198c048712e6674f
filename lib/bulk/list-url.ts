import type { z } from "zod";
import { listBulkJobMessagesQuerySchema, listBulkJobsQuerySchema } from "@/lib/schemas/bodies";
import { defineUrlKeys } from "@/lib/url-state/url-keys";
import type { BulkAction, JobStatus } from "@/lib/schemas/enums";

/**
 * URL state of the two bulk tables: the dashboard (`/bulk?status=&action_type=&page=`) and a
 * job's messages (`/bulk/{id}?status=&page=`). The keys and their checks are the API route's own
 * query schemas, on the shared URL layer (lib/url-state), so a link can only hold what the route
 * accepts. A bad value is dropped and reported, never guessed at.
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

// The keys in the order their links have always had them; the checks are the routes' own.
const jobs = listBulkJobsQuerySchema.shape;
export const JOB_LIST_URL_KEYS = defineUrlKeys({
  status: { schema: jobs.status.unwrap() },
  action_type: { schema: jobs.action_type.unwrap() },
  page: { schema: jobs.page.unwrap() },
  per_page: { schema: jobs.per_page.unwrap() },
});
const jobMessages = listBulkJobMessagesQuerySchema.shape;
export const JOB_MESSAGES_URL_KEYS = defineUrlKeys({
  status: { schema: jobMessages.status.unwrap() },
  page: { schema: jobMessages.page.unwrap() },
  per_page: { schema: jobMessages.per_page.unwrap() },
});

export function parseJobListUrl(params: URLSearchParams): ParsedUrl<JobListUrlState> {
  const { values, errors } = JOB_LIST_URL_KEYS.read(params);
  return {
    state: { status: values.status, actionType: values.action_type, page: values.page ?? 1, perPage: values.per_page ?? JOB_LIST_PAGE_SIZE },
    errors,
  };
}

export function jobListUrlValues(state: JobListUrlState) {
  return JOB_LIST_URL_KEYS.update({
    status: state.status,
    action_type: state.actionType,
    page: state.page > 1 ? state.page : null,
    per_page: state.perPage !== JOB_LIST_PAGE_SIZE ? state.perPage : null,
  });
}

export function serializeJobListUrl(state: JobListUrlState): string {
  return JOB_LIST_URL_KEYS.serialize(jobListUrlValues(state));
}

export function parseJobMessagesUrl(params: URLSearchParams): ParsedUrl<JobMessagesUrlState> {
  const { values, errors } = JOB_MESSAGES_URL_KEYS.read(params);
  return {
    state: { status: values.status, page: values.page ?? 1, perPage: values.per_page ?? JOB_MESSAGES_PAGE_SIZE },
    errors,
  };
}

export function jobMessagesUrlValues(state: JobMessagesUrlState) {
  return JOB_MESSAGES_URL_KEYS.update({
    status: state.status,
    page: state.page > 1 ? state.page : null,
    per_page: state.perPage !== JOB_MESSAGES_PAGE_SIZE ? state.perPage : null,
  });
}

export function serializeJobMessagesUrl(state: JobMessagesUrlState): string {
  return JOB_MESSAGES_URL_KEYS.serialize(jobMessagesUrlValues(state));
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
