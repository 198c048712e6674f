import type { AllowKind } from "@/lib/schemas/policies";

// Client-safe: the console's own shapes of blocked senders and allow policies. lib/cloudflare
// builds them from the SDK's replies, so the UI never depends on the vendor's optional fields.

export interface PolicyEntry {
  /**
   * Null when Cloudflare sent the entry without one (the description and the SDK make it
   * optional for blocked senders): the entry is shown, but cannot be edited or deleted from here.
   */
  id: string | null;
  pattern: string;
  /** EMAIL, DOMAIN, IP, or the deprecated UNKNOWN on old entries. */
  pattern_type: string;
  is_regex: boolean;
  comments: string | null;
  created_at: string | null;
  modified_at: string | null;
  /** The message the entry was made from, when its comment links to one (see lib/policies/comment). */
  origin_message_id: string | null;
}

export type BlockedSender = PolicyEntry;

export interface AllowPolicy extends PolicyEntry {
  /** From `is_trusted_sender` / `is_acceptable_sender` / `is_exempt_recipient`; the retired aliases only when none of them is there. */
  kind: AllowKind | null;
  verify_sender: boolean;
}

/**
 * Where a page-numbered list (settings, submissions) stands. Cloudflare's `result_info` may leave
 * out any of its fields, and its `total_count` counts the whole list "without any search
 * parameters", so neither decides paging: the page asked for and the entries received do.
 */
export interface PageInfo {
  page: number;
  per_page: number;
  /** Entries received on this page, readable or not. */
  count: number;
}

/** A full page may have a next; a short (or empty) one is the last. */
export function hasNextPage(info: PageInfo | undefined): boolean {
  if (!info) return false;
  return info.count > 0 && info.count >= info.per_page;
}

export interface PolicyPage<T> {
  result: T[];
  result_info: PageInfo;
  /** Entries Cloudflare sent that could not be read and were left out. */
  unreadable: number;
}

/** Why an entry covers a sender: it is the exact address, or the sender's domain (or a parent of it). */
export type SenderMatch = "address" | "domain";

export interface Covering<T extends PolicyEntry> {
  entry: T;
  match: SenderMatch;
}

/** What already covers a sender: literal entries for its exact address or its domain. */
export interface SenderStatus {
  blocked: Covering<BlockedSender>[];
  allowed: Covering<AllowPolicy>[];
}
