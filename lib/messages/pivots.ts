import type { MessageFilters } from "@/lib/schemas/search";
import type { Message } from "@/lib/cloudflare/types";
import { campaignKey, senderAddress, senderDomain } from "./message-view";

export type PivotKind = "sender" | "domain" | "campaign";

/**
 * A campaign's subject without its per-recipient part: campaigns personalise subjects
 * ("Payroll update required - Alice", "… - ref 4821", "… - #77594"), so a short trailing
 * " - …" or " | …" segment is dropped, then any token containing a digit.
 */
export function subjectStem(subject: string): string {
  let stem = subject.trim();
  const cut = Math.max(stem.lastIndexOf(" - "), stem.lastIndexOf(" | "));
  if (cut > 0 && stem.slice(cut + 3).trim().split(/\s+/).length <= 3) stem = stem.slice(0, cut);
  return stem
    .split(/\s+/)
    .filter((w) => w && !/\d/.test(w))
    .join(" ")
    .trim();
}

/**
 * The filters a pivot adds to the current search, or null when the message lacks what it needs.
 *
 * The search API has no hash filter, and its free-text `query` does not match `edf_hash` or
 * `htmltext_structure_hash` (the simulator's haystack is addresses, subject, ids and attachment
 * hashes, like Cloudflare's). So "same campaign" narrows to what a campaign's messages share in
 * the fields the API can filter: the sending domain and the subject's stem ("contains"). The
 * pivot is offered only where a hash marks the message as part of a campaign.
 */
export function pivotFilters(kind: PivotKind, m: Message): Partial<MessageFilters> | null {
  switch (kind) {
    case "sender": {
      const sender = senderAddress(m);
      return sender ? { sender } : null;
    }
    case "domain": {
      const domain = senderDomain(m);
      return domain ? { domain } : null;
    }
    case "campaign": {
      const domain = senderDomain(m);
      const subject = m.subject?.trim();
      if (!campaignKey(m) || !domain || !subject) return null;
      const stem = subjectStem(subject);
      return stem ? { domain, subject: stem } : { domain, exact_subject: subject };
    }
  }
}

/**
 * Adds a pivot to the current filters. Free text and other narrowing filters stay; a filter the
 * pivot supersedes goes (sender vs domain say who sent it; subject vs exact subject what it says).
 */
export function applyPivot(current: MessageFilters, pivot: Partial<MessageFilters>): MessageFilters {
  const next: MessageFilters = { ...current, ...pivot };
  if (pivot.sender) delete next.domain;
  if (pivot.domain) delete next.sender;
  if (pivot.exact_subject) delete next.subject;
  if (pivot.subject) delete next.exact_subject;
  return next;
}
