import type { AllowKind } from "@/lib/schemas/policies";

// Client-safe: the console's own shapes of blocked senders and allow policies. lib/cloudflare
// builds them from the SDK's replies, so the UI never depends on the vendor's optional fields.

export interface PolicyEntry {
  id: string;
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
  kind: AllowKind | null;
  verify_sender: boolean;
  is_spoof: boolean;
}

export interface PageInfo {
  page: number;
  per_page: number;
  count: number;
  /** Null when Cloudflare did not say. */
  total_count: number | null;
}

/** Page-numbered lists (settings, submissions): a known total decides; without one, a full page may have a next. */
export function hasNextPage(info: PageInfo | undefined): boolean {
  if (!info) return false;
  return info.total_count !== null ? info.page * info.per_page < info.total_count : info.count === info.per_page;
}

export interface PolicyPage<T> {
  result: T[];
  result_info: PageInfo;
  /** Entries Cloudflare sent that could not be read and were left out. */
  unreadable: number;
}

/** What already covers a sender: literal entries for its exact address or its domain. */
export interface SenderStatus {
  blocked: BlockedSender[];
  allowed: AllowPolicy[];
}
