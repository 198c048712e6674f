"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SubmissionListQuery } from "@/lib/schemas/submissions";
import type { SubmissionPage } from "@/lib/submissions/types";
import { requestJson } from "./http";
import { messagePageKeys } from "./message";
import { policyQueryString } from "./policies";

export const submissionKeys = {
  all: ["submissions"] as const,
  list: (query: SubmissionListQuery) => [...submissionKeys.all, "list", query] as const,
};

const url = (query: SubmissionListQuery) => `/api/email-security/submissions?${policyQueryString(query)}`;

export function useSubmissions(query: SubmissionListQuery) {
  return useQuery({
    queryKey: submissionKeys.list(query),
    queryFn: async ({ signal }) => (await requestJson<SubmissionPage>(url(query), { signal })).body,
    placeholderData: keepPreviousData,
  });
}

/**
 * The submissions about one message. Submissions carry the message's postfix id, not its
 * investigate id: ask by the postfix id as free text, then keep only exact matches. The key sits
 * under the message's detail key, so a reclassify (which refreshes the detail) refreshes this too.
 */
export function useMessageSubmissions(messageId: string, postfixId: string | null | undefined, since: string | null | undefined) {
  return useQuery({
    queryKey: [...messagePageKeys.detail(messageId), "submissions"] as const,
    queryFn: async ({ signal }) => {
      const page = (await requestJson<SubmissionPage>(url({ query: postfixId ?? "", start: since ?? undefined, per_page: 20, order: "requested_at", direction: "desc" }), { signal })).body;
      return page.result.filter((s) => s.original_postfix_id === postfixId);
    },
    enabled: Boolean(postfixId),
  });
}
