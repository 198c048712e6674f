"use client";

import { useMemo } from "react";
import { isDangerousDisposition } from "@/lib/bulk/validate";
import type { Message } from "@/lib/cloudflare/types";
import { labelFor, type MessageUrlState } from "@/lib/messages/search-url";
import { useMessageList, type MessageListSearch } from "@/lib/queries/messages";
import { returnsToMailbox } from "@/lib/approvals/rules";
import type { BulkAction, Destination } from "@/lib/schemas/enums";
import { BULK_ONLY_FILTER_KEYS } from "@/lib/schemas/search";

/** How many matches the dry run lists: enough to recognise the search, one request. */
export const DRY_RUN_SIZE = 20;

const NO_MESSAGES: Message[] = [];

/**
 * What the job's search matches now: its first page (through the search page's own query) and,
 * for a release or a move to Inbox (the release policy's changes), whether it reaches malicious mail.
 */
export function useDryRun(
  { filters, range }: Pick<MessageUrlState, "filters" | "range">,
  action: BulkAction,
  enabled: boolean,
  destination?: Destination | "",
) {
  const returning = returnsToMailbox({ action, destination });
  const dryRunSearch: MessageListSearch = useMemo(() => ({ filters, range, perPage: DRY_RUN_SIZE }), [filters, range]);
  const query = useMessageList(dryRunSearch, { enabled });
  const sample = query.data && !query.data.pending ? query.data.messages : NO_MESSAGES;
  const more = Boolean(query.data?.next || query.data?.nextPage);
  // The dry run goes through Cloudflare's search, which has no exact-subject or submissions
  // filter: with either set, its rows are not what the job will act on, and it must say so.
  const unsearchable = BULK_ONLY_FILTER_KEYS.filter((k) => filters[k] !== undefined).map((k) => labelFor(k));

  // A release is dangerous if it can reach malicious mail. The sample shows some; beyond it, one
  // more search narrowed to MALICIOUS (per_page=1) says whether any lies further on. The search
  // cannot filter by MALICIOUS-BEC, so that one is caught only when it appears in the sample.
  const probeNeeded = returning && enabled && !filters.final_disposition && more;
  const probe = useMessageList(
    useMemo(() => ({ filters: { ...filters, final_disposition: "MALICIOUS" as const }, range, perPage: 1 }), [filters, range]),
    { enabled: probeNeeded },
  );
  const maliciousInSample = sample.filter((m) => isDangerousDisposition(m.final_disposition)).length;
  const dangerousRelease =
    returning &&
    (isDangerousDisposition(filters.final_disposition) ||
      maliciousInSample > 0 ||
      (probeNeeded && (probe.data?.messages.length ?? 0) > 0));

  return { query, sample, more, unsearchable, maliciousInSample, dangerousRelease, returning };
}

export type DryRun = ReturnType<typeof useDryRun>;
