"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { hasActiveJob, isActiveStatus } from "@/lib/bulk/progress";
import type { JobListUrlState, JobMessagesUrlState } from "@/lib/bulk/list-url";
import type { BulkJob, BulkJobDeleted, BulkJobMessage, ResultInfo } from "@/lib/cloudflare/types";
import type { ApprovalRequest, BulkJobOutcome } from "@/lib/approvals/types";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";
import { requestJson } from "./http";

const BASE = "/api/email-security/investigate/bulk";

/**
 * How often a page with a running job asks again. The simulator (and Cloudflare) process a few
 * dozen messages a second, so 2 s shows steady progress without flooding the API.
 */
export const BULK_POLL_MS = 2_000;

export type JobListQuery = Pick<JobListUrlState, "status" | "actionType" | "page" | "perPage">;
export type JobMessagesQuery = Pick<JobMessagesUrlState, "status" | "page" | "perPage">;

export const bulkJobKeys = {
  all: ["bulk-jobs"] as const,
  lists: () => [...bulkJobKeys.all, "list"] as const,
  list: (query: JobListQuery) => [...bulkJobKeys.lists(), query] as const,
  details: () => [...bulkJobKeys.all, "detail"] as const,
  detail: (id: string) => [...bulkJobKeys.details(), id] as const,
  /** Under the job's detail key, so invalidating a job refreshes its messages too. */
  messages: (id: string, query: JobMessagesQuery) => [...bulkJobKeys.detail(id), "messages", query] as const,
};

export interface Paged<T> {
  rows: T[];
  info: Partial<ResultInfo>;
  /** Rows Cloudflare sent that the console could not read; they are not in `rows`. */
  unreadable: number;
}

interface PagedBody<T> {
  result?: T[] | null;
  result_info?: Partial<ResultInfo> | null;
  unreadable?: number;
}

function pagedFrom<T>(body: PagedBody<T>): Paged<T> {
  const rows = body.result ?? [];
  return { rows, info: body.result_info ?? { count: rows.length, per_page: rows.length }, unreadable: body.unreadable ?? 0 };
}

export async function listBulkJobs(query: JobListQuery, signal?: AbortSignal): Promise<Paged<BulkJob>> {
  const params = new URLSearchParams({ page: String(query.page), per_page: String(query.perPage) });
  if (query.status) params.set("status", query.status);
  if (query.actionType) params.set("action_type", query.actionType);
  const { body } = await requestJson<PagedBody<BulkJob>>(`${BASE}?${params.toString()}`, { signal });
  return pagedFrom(body);
}

export async function getBulkJob(id: string, signal?: AbortSignal): Promise<BulkJob> {
  const { body } = await requestJson<{ result: BulkJob }>(`${BASE}/${encodeURIComponent(id)}`, { signal });
  return body.result;
}

export async function listBulkJobMessages(id: string, query: JobMessagesQuery, signal?: AbortSignal): Promise<Paged<BulkJobMessage>> {
  const params = new URLSearchParams({ page: String(query.page), per_page: String(query.perPage) });
  if (query.status) params.set("status", query.status);
  const { body } = await requestJson<PagedBody<BulkJobMessage>>(`${BASE}/${encodeURIComponent(id)}/messages?${params.toString()}`, { signal });
  return pagedFrom(body);
}

/** A risky job comes back as a request for a second admin (202) instead of a job (201). */
export async function createBulkJob(body: CreateBulkJobBody): Promise<BulkJobOutcome<BulkJob>> {
  const { status, body: reply } = await requestJson<{ result: BulkJob | { approval: ApprovalRequest } }>(BASE, {
    method: "POST",
    body: JSON.stringify(body),
  });
  return status === 202 ? { approval: (reply.result as { approval: ApprovalRequest }).approval } : { job: reply.result as BulkJob };
}

export async function cancelBulkJob(id: string): Promise<BulkJob> {
  const { body } = await requestJson<{ result: BulkJob }>(`${BASE}/${encodeURIComponent(id)}/cancel`, { method: "POST" });
  return body.result;
}

export async function deleteBulkJob(id: string): Promise<BulkJobDeleted> {
  const { body } = await requestJson<{ result: BulkJobDeleted }>(`${BASE}/${encodeURIComponent(id)}`, { method: "DELETE" });
  return body.result;
}


// Polling options shared by every bulk query: only while something runs, and never in a hidden
// tab (refetchIntervalInBackground: false), so a forgotten dashboard does not keep calling the API.
const whileRunning = (running: boolean) => (running ? BULK_POLL_MS : false);

/** The dashboard's page of jobs; polls while any job on it is PENDING, DISCOVERING or PROCESSING. */
export function useBulkJobs(query: JobListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: bulkJobKeys.list(query),
    queryFn: ({ signal }) => listBulkJobs(query, signal),
    enabled: options.enabled ?? true,
    refetchInterval: (q) => whileRunning(hasActiveJob(q.state.data?.rows)),
    refetchIntervalInBackground: false,
  });
}

export function useBulkJob(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: bulkJobKeys.detail(id),
    queryFn: ({ signal }) => getBulkJob(id, signal),
    enabled: options.enabled ?? true,
    refetchInterval: (q) => whileRunning(isActiveStatus(q.state.data?.status)),
    refetchIntervalInBackground: false,
  });
}

/** A job's messages; `live` (the job still runs) makes them poll with the job. */
export function useBulkJobMessages(id: string, query: JobMessagesQuery, options: { enabled: boolean; live: boolean }) {
  return useQuery({
    queryKey: bulkJobKeys.messages(id, query),
    queryFn: ({ signal }) => listBulkJobMessages(id, query, signal),
    enabled: options.enabled,
    refetchInterval: whileRunning(options.live),
    refetchIntervalInBackground: false,
    placeholderData: (previous) => previous,
  });
}

export function useCreateBulkJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBulkJob,
    onSuccess: (outcome) => {
      if (outcome.job) queryClient.setQueryData(bulkJobKeys.detail(outcome.job.job_id), outcome.job);
      // The approvals' keys, written out: lib/queries/approvals imports this module.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: bulkJobKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: ["approvals"] }),
      ]);
    },
  });
}

export function useCancelBulkJob(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelBulkJob(id),
    onSuccess: (job) => queryClient.setQueryData(bulkJobKeys.detail(id), job),
    // Whatever happened (a 409 means it finished meanwhile), show the job as it now is.
    onSettled: () => queryClient.invalidateQueries({ queryKey: bulkJobKeys.all }),
  });
}

export function useDeleteBulkJob(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteBulkJob(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: bulkJobKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: bulkJobKeys.lists() });
    },
  });
}
