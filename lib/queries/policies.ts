"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AllowPolicy, BlockedSender, PolicyPage, SenderStatus } from "@/lib/policies/types";
import type { CreateAllowPolicyBody, CreateBlockedSenderBody, PolicyListQuery } from "@/lib/schemas/policies";
import { requestJson } from "./http";

const BASE = "/api/email-security/settings";

/** Which list an entry belongs to, as the API path names it. */
export type PolicyList = "block_senders" | "allow_policies";

export const policyKeys = {
  all: ["policies"] as const,
  list: (list: PolicyList, query: PolicyListQuery) => [...policyKeys.all, list, query] as const,
  sender: (sender: string) => [...policyKeys.all, "sender", sender.toLowerCase()] as const,
};

export function policyQueryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}

function usePolicyList<T>(list: PolicyList, query: PolicyListQuery, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: policyKeys.list(list, query),
    queryFn: async ({ signal }) => (await requestJson<PolicyPage<T>>(`${BASE}/${list}?${policyQueryString(query)}`, { signal })).body,
    placeholderData: keepPreviousData,
  });
}

export const useBlockedSenders = (query: PolicyListQuery, enabled = true) => usePolicyList<BlockedSender>("block_senders", query, enabled);
export const useAllowPolicies = (query: PolicyListQuery, enabled = true) => usePolicyList<AllowPolicy>("allow_policies", query, enabled);

/** What already covers the sender of the message on screen; disabled without a usable address. */
export function useSenderStatus(sender: string | null) {
  return useQuery({
    queryKey: policyKeys.sender(sender ?? ""),
    queryFn: async ({ signal }) =>
      (await requestJson<{ result: SenderStatus }>(`${BASE}/sender_status?${policyQueryString({ sender: sender ?? "" })}`, { signal })).body.result,
    enabled: Boolean(sender),
  });
}

/** Every change refreshes both lists and every sender's status: a new block may cover any of them. */
function usePolicyMutation<V, R>(send: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: policyKeys.all }),
  });
}

const post = async <R>(url: string, method: string, body?: unknown) =>
  (await requestJson<{ result: R }>(url, { method, body: body === undefined ? undefined : JSON.stringify(body) })).body.result;

export const useCreateBlockedSender = () =>
  usePolicyMutation((body: CreateBlockedSenderBody) => post<BlockedSender>(`${BASE}/block_senders`, "POST", body));

export const useCreateAllowPolicy = () =>
  usePolicyMutation((body: CreateAllowPolicyBody) => post<AllowPolicy>(`${BASE}/allow_policies`, "POST", body));

export const useEditPolicyComment = () =>
  usePolicyMutation(({ list, id, comments }: { list: PolicyList; id: string; comments: string | null }) =>
    post<BlockedSender>(`${BASE}/${list}/${encodeURIComponent(id)}`, "PATCH", { comments }),
  );

export const useDeletePolicy = () =>
  usePolicyMutation(({ list, id }: { list: PolicyList; id: string }) => post<{ id: string }>(`${BASE}/${list}/${encodeURIComponent(id)}`, "DELETE"));
