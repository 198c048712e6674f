"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReturnAllowance } from "@/lib/approvals/release-preview";
import type { ApprovalRequest, BulkJobOutcome } from "@/lib/approvals/types";
import type { BulkJob } from "@/lib/cloudflare/types";
import { bulkJobKeys } from "./bulk-jobs";
import { requestJson } from "./http";

const BASE = "/api/approvals";

/** How often the navigation's count asks again: a request waits hours, not seconds. */
export const APPROVAL_COUNT_POLL_MS = 60_000;

export const approvalKeys = {
  all: ["approvals"] as const,
  lists: () => [...approvalKeys.all, "list"] as const,
  list: (status: "pending" | "decided" | "all") => [...approvalKeys.lists(), status] as const,
  count: () => [...approvalKeys.all, "count"] as const,
  detail: (id: string) => [...approvalKeys.all, "detail", id] as const,
  allowance: () => [...approvalKeys.all, "allowance"] as const,
};

/**
 * How many messages the user may still return to mailboxes this hour without a second admin;
 * asked when a release or move-to-Inbox dialog opens (`enabled`), never cached for long.
 */
export function useReturnAllowance(enabled: boolean) {
  return useQuery({
    queryKey: approvalKeys.allowance(),
    queryFn: async ({ signal }) =>
      (await requestJson<{ result: ReturnAllowance }>("/api/email-security/investigate/release/allowance", { signal })).body.result,
    enabled,
    staleTime: 0,
  });
}

async function listApprovals(status: "pending" | "decided" | "all", signal?: AbortSignal): Promise<ApprovalRequest[]> {
  const { body } = await requestJson<{ result: ApprovalRequest[] }>(`${BASE}?status=${status}`, { signal });
  return body.result;
}

async function getApproval(id: string, signal?: AbortSignal): Promise<ApprovalRequest> {
  const { body } = await requestJson<{ result: ApprovalRequest }>(`${BASE}/${encodeURIComponent(id)}`, { signal });
  return body.result;
}

async function countPending(signal?: AbortSignal): Promise<number> {
  const { body } = await requestJson<{ result: { pending: number } }>(`${BASE}/count`, { signal });
  return body.result.pending;
}

export const approvalListQueryOptions = (status: "pending" | "decided" | "all", enabled = true) =>
  queryOptions({ queryKey: approvalKeys.list(status), queryFn: ({ signal }) => listApprovals(status, signal), enabled });

export const approvalQueryOptions = (id: string) =>
  queryOptions({ queryKey: approvalKeys.detail(id), queryFn: ({ signal }) => getApproval(id, signal) });

export function useApprovals(status: "pending" | "decided" | "all", options: { enabled?: boolean } = {}) {
  return useQuery(approvalListQueryOptions(status, options.enabled ?? true));
}

export function useApproval(id: string) {
  return useQuery(approvalQueryOptions(id));
}

/** Admins only (`enabled`): everyone else would be answered 403. */
export function usePendingApprovalCount(enabled: boolean) {
  return useQuery({
    queryKey: approvalKeys.count(),
    queryFn: ({ signal }) => countPending(signal),
    enabled,
    refetchInterval: APPROVAL_COUNT_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export type ApprovalDecision = { verdict: "approve" | "reject"; reason: string };
type Decided = ApprovalRequest & { job?: BulkJob };

export function useDecideApproval(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ verdict, reason }: ApprovalDecision) => {
      const { body } = await requestJson<{ result: Decided }>(`${BASE}/${encodeURIComponent(id)}/${verdict}`, {
        method: "POST",
        body: JSON.stringify({ reason }),
      });
      return body.result;
    },
    onSuccess: (request) => {
      if (request.job) queryClient.setQueryData(bulkJobKeys.detail(request.job.job_id), request.job);
      queryClient.setQueryData(approvalKeys.detail(id), request);
    },
    // Whatever happened (a 409 means someone else decided), show the request as it now is.
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: approvalKeys.all }), queryClient.invalidateQueries({ queryKey: bulkJobKeys.lists() })]),
  });
}

export type CreateBulkJobOutcome = BulkJobOutcome<BulkJob>;
