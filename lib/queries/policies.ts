"use client";

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { senderMatch } from "@/lib/policies/sender";
import { hasNextPage, type AllowPolicy, type BlockedSender, type Covering, type PolicyEntry, type PolicyPage, type SenderStatus } from "@/lib/policies/types";
import type { CreateAllowPolicyBody, CreateBlockedSenderBody, PolicyListQuery } from "@/lib/schemas/policies";
import { requestJson } from "./http";

const BASE = "/api/email-security/settings";

/** Which list an entry belongs to, as the API path names it. */
export type PolicyList = "block_senders" | "allow_policies";

export const policyKeys = {
  all: ["policies"] as const,
  list: (list: PolicyList, query: PolicyListQuery) => [...policyKeys.all, list, query] as const,
  sender: (sender: string) => [...policyKeys.all, "sender", sender.toLowerCase()] as const,
  copy: (list: PolicyList) => [...policyKeys.all, "copy", list] as const,
};

/**
 * How long a copy of the account's policies (or one sender's lookup) answers "already blocked /
 * allowed" before it is read again. The console's own changes refresh it at once (every policy
 * mutation invalidates `policyKeys.all`); someone else's change in the dashboard shows within this.
 */
export const POLICY_COPY_MS = 2 * 60_000;
/** The largest page the list routes give: a copy is only used when the whole list fits in it. */
const COPY_PAGE_SIZE = 100;

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

interface PolicyCopy<T> {
  entries: T[];
  /** False when the list has more than one page or entries Cloudflare sent were unreadable. */
  complete: boolean;
}

export const policyQueries = {
  /** The first (and usually only) page of a list, kept as the account's copy for sender checks. */
  copy: <T,>(list: PolicyList) =>
    queryOptions({
      queryKey: policyKeys.copy(list),
      queryFn: async ({ signal }): Promise<PolicyCopy<T>> => {
        const page = (await requestJson<PolicyPage<T>>(`${BASE}/${list}?${policyQueryString({ per_page: COPY_PAGE_SIZE })}`, { signal })).body;
        return { entries: page.result, complete: !hasNextPage(page.result_info) && !page.unreadable };
      },
      staleTime: POLICY_COPY_MS,
    }),
  /** The server's lookup for one sender: used only when the copy cannot answer (a long list). */
  senderStatus: (sender: string) =>
    queryOptions({
      queryKey: policyKeys.sender(sender),
      queryFn: async ({ signal }) =>
        (await requestJson<{ result: SenderStatus }>(`${BASE}/sender_status?${policyQueryString({ sender })}`, { signal })).body.result,
      staleTime: POLICY_COPY_MS,
    }),
};

/** What in the copies covers `sender`, as the server's lookup would say it. */
export function senderStatusFromCopies(sender: string, blocked: readonly BlockedSender[], allowed: readonly AllowPolicy[]): SenderStatus {
  return {
    blocked: coveringFrom(blocked, sender),
    // An exempt-recipient policy names a recipient: it says nothing about this sender.
    allowed: coveringFrom(allowed.filter((e) => e.kind !== "is_exempt_recipient"), sender),
  };
}

function coveringFrom<T extends PolicyEntry>(entries: readonly T[], sender: string): Covering<T>[] {
  return entries.flatMap((entry) => {
    const match = senderMatch(entry, sender);
    return match ? [{ entry, match }] : [];
  });
}

/**
 * What already covers the sender of the message on screen; idle without a usable address. Read
 * from a copy of the account's two lists (two reads per POLICY_COPY_MS for the whole tab, however
 * many messages are opened); when a list is longer than one page, one lookup per sender instead,
 * kept as long.
 */
export function useSenderStatus(sender: string | null): { data: SenderStatus | undefined; isPending: boolean; error: Error | null } {
  const enabled = Boolean(sender);
  const blocked = useQuery({ ...policyQueries.copy<BlockedSender>("block_senders"), enabled });
  const allowed = useQuery({ ...policyQueries.copy<AllowPolicy>("allow_policies"), enabled });
  const copies = blocked.data && allowed.data && blocked.data.complete && allowed.data.complete ? { blocked: blocked.data, allowed: allowed.data } : null;
  const copyFailed = blocked.isError || allowed.isError || (blocked.data !== undefined && allowed.data !== undefined && !copies);
  const lookup = useQuery({ ...policyQueries.senderStatus(sender ?? ""), enabled: enabled && copyFailed });
  if (sender && copies) return { data: senderStatusFromCopies(sender, copies.blocked.entries, copies.allowed.entries), isPending: false, error: null };
  return { data: lookup.data, isPending: lookup.isPending, error: lookup.error };
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
