import { isDangerousDisposition } from "@/lib/bulk/validate";
import type { BulkSearchParams, CreateBulkJobBody } from "@/lib/schemas/bodies";
import { SEARCH_DISPOSITIONS } from "@/lib/schemas/enums";
import { FILTER_KEYS, type MessageSearch } from "@/lib/schemas/search";

/**
 * When a bulk job needs a second admin. Decided on the server from the server's own count of the
 * search, never from what the browser's dry run showed.
 */

// Neither the window nor the detections flag picks messages out (as on the bulk form).
const NOT_NARROWING = new Set(["start", "end", "detections_only"]);

const isSet = (v: unknown) => v !== undefined && v !== null && v !== "";

export function isUnfilteredBulkSearch(params: BulkSearchParams): boolean {
  return !Object.entries(params).some(([key, value]) => !NOT_NARROWING.has(key) && isSet(value));
}

/**
 * Filters of the job the search operation lacks, so a count through it would not be the job's:
 * exact subject, submissions, and dispositions the search cannot filter by (MALICIOUS-BEC).
 */
export function uncountableFilters(params: BulkSearchParams): string[] {
  const out: string[] = [];
  if (isSet(params.exact_subject)) out.push("exact subject");
  if (isSet(params.submissions)) out.push("submissions");
  if (isSet(params.final_disposition) && !(SEARCH_DISPOSITIONS as readonly string[]).includes(params.final_disposition!)) {
    out.push(`disposition ${params.final_disposition}`);
  }
  return out;
}

/** The job's search as the search operation takes it; only meaningful when uncountableFilters is empty. */
export function searchFor(params: BulkSearchParams): MessageSearch {
  const record = params as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (isSet(record[key])) out[key] = record[key];
  return out as MessageSearch;
}

/** What paging the job's search found, up to the threshold. */
export interface SearchScan {
  /** Messages counted (rows, readable or not). */
  matched: number;
  /** More match than were counted (the count stopped at the threshold, or could not finish). */
  more: boolean;
  /** Messages counted whose final disposition is MALICIOUS or MALICIOUS-BEC. */
  dangerous: number;
  /** Why the count could not finish, if it could not. */
  incomplete?: string;
}

/**
 * Whether a change puts mail back where its recipients read it: a release from quarantine, or a
 * move to Inbox. Every such change, on every path, is judged by the same release policy
 * (release-policy.ts); a move anywhere else takes mail away from the user and is not.
 */
export function returnsToMailbox(change: { action: string; destination?: string | null }): boolean {
  return change.action === "RELEASE" || (change.action === "MOVE" && change.destination === "Inbox");
}

/** "1 message", "12 messages". */
export function messagesWord(n: number): string {
  return `${n} message${n === 1 ? "" : "s"}`;
}

/** Why exact messages classified as a threat wait for a second admin. */
export function dangerousReason(n: number): string {
  return `${messagesWord(n)} classified MALICIOUS or MALICIOUS-BEC would go back to ${n === 1 ? "its recipients" : "their recipients"}.`;
}

/** Why messages past the person's hourly allowance wait for a second admin. */
export function hourlyReason(perHour: number): string {
  return `One person may return at most ${messagesWord(perHour)} an hour to mailboxes without a second admin (RETURNS_PER_USER_HOUR).`;
}

export function approvalReasons(body: CreateBulkJobBody, scan: SearchScan | { uncountable: string[] }, threshold: number): string[] {
  const reasons: string[] = [];
  if (isUnfilteredBulkSearch(body.search_params)) {
    reasons.push("The search has no filters: the job would act on every message in its date window.");
  }
  if ("uncountable" in scan) {
    reasons.push(
      `Cloudflare's search has no ${scan.uncountable.join(" or ")} filter, so the console cannot count or sample what the job would act on.`,
    );
    return reasons;
  }
  if (scan.incomplete) reasons.push(`The messages could not be counted: ${scan.incomplete}`);
  else if (scan.more || scan.matched > threshold) {
    reasons.push(`The search matches more than ${threshold} messages (the limit for a job without a second approver).`);
  }
  if (returnsToMailbox(body) && (scan.dangerous > 0 || isDangerousDisposition(body.search_params.final_disposition))) {
    const what = body.action === "RELEASE" ? "release" : "move to Inbox";
    reasons.push(
      scan.dangerous > 0
        ? `The ${what} includes ${messagesWord(scan.dangerous)} classified MALICIOUS or MALICIOUS-BEC.`
        : `The ${what} is of messages classified MALICIOUS.`,
    );
  }
  return reasons;
}

export function countsAsDangerous(disposition: string | null | undefined): boolean {
  return isDangerousDisposition(disposition);
}
