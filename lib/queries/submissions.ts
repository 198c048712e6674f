"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
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
 * The submissions about one message, looked up when the analyst asks (or after a reclassify), not
 * on every open: most messages have none, and each lookup is a read of the account's budget.
 * Submissions carry the message's postfix id, not its investigate id: ask by the postfix id as
 * free text, then keep only exact matches.
 */
export function useMessageSubmissions(messageId: string, postfixId: string | null | undefined, since: string | null | undefined) {
  const queryClient = useQueryClient();
  // A flag in the cache rather than component state, so the reclassify mutation can raise it.
  const wanted = useQuery({ queryKey: messagePageKeys.submissionsWanted(messageId), queryFn: () => true, enabled: false, staleTime: Infinity }).data === true;
  const submissions = useQuery({
    queryKey: messagePageKeys.submissions(messageId),
    queryFn: async ({ signal }) => {
      const page = (await requestJson<SubmissionPage>(url({ query: postfixId ?? "", start: since ?? undefined, per_page: 20, order: "requested_at", direction: "desc" }), { signal })).body;
      return page.result.filter((s) => s.original_postfix_id === postfixId);
    },
    enabled: Boolean(postfixId) && wanted,
  });
  return {
    submissions,
    /** Null when the message has no postfix id to look by. */
    ask: postfixId ? () => queryClient.setQueryData(messagePageKeys.submissionsWanted(messageId), true) : null,
    wanted,
  };
}
