import type { BulkAction, Destination } from "@/lib/schemas/enums";

// Client-safe: what the bulk form says about its count, and how its create button is named.

/** How many messages a bulk job's search matches now (GET /api/email-security/investigate/bulk/count). */
export interface BulkMatchCount {
  /** Messages counted, up to just past `cap`. */
  matched: number;
  /** More match than were counted (past the cap, or the count could not finish). */
  more: boolean;
  /** Where counting stops. */
  cap: number;
  /** Past this many, the server sends the job to a second admin (BULK_APPROVAL_THRESHOLD). */
  approval_threshold: number;
  /** Why the count could not finish, if it could not. */
  incomplete?: string;
}

const number = (n: number) => n.toLocaleString("en");

/**
 * "1,070", "~1,070" while new mail may still join an open window (no end: Cloudflare's default,
 * which moves), or "more than 2,000" past the cap.
 */
export function countWords(count: BulkMatchCount, openWindow: boolean): string {
  if (count.more) return `more than ${number(count.incomplete ? count.matched : count.cap)}`;
  return `${openWindow ? "~" : ""}${number(count.matched)}`;
}

const DESTINATION_WORDS: Record<Destination, string> = {
  Inbox: "Inbox",
  JunkEmail: "Junk",
  DeletedItems: "Deleted items",
  RecoverableItemsDeletions: "Recoverable items",
  RecoverableItemsPurges: "Purged items (permanent)",
};

/**
 * The create button names the action and the count ("Create job: move ~1,070 to Junk", "Create
 * job: release 12"); without a count (still counting, or a filter the search cannot count) it is
 * plainly "Create job".
 */
export function createJobLabel(action: BulkAction, destination: Destination | "" | undefined, count: string | null): string {
  if (count === null) return "Create job";
  const verb = action === "MOVE" ? `move ${count}${destination ? ` to ${DESTINATION_WORDS[destination]}` : ""}` : `release ${count}`;
  return `Create job: ${verb}`;
}

/** The sentence above the action, stating the count and what follows from it. */
export function countSentence(count: BulkMatchCount, openWindow: boolean): string {
  const words = countWords(count, openWindow);
  const matches = count.matched === 1 && !count.more ? "1 message" : `${words} messages`;
  const base = count.incomplete
    ? `This search matches ${matches} (counting stopped: ${count.incomplete})`
    : `This search matches ${count.matched === 0 ? "no messages" : matches} now`;
  const approval = count.more || count.matched > count.approval_threshold ? `; past ${number(count.approval_threshold)}, a second admin must approve the job` : "";
  return `${base}${approval}.`;
}
