// The console's own reply types, read from the schemas in reply-schemas.ts. Type-only: safe in
// client code. They follow Cloudflare's published description, not the SDK: only identity fields
// are guaranteed, enum fields are strings (unknown values appear as they came), and every other
// field may be null or absent.
import type { ReplyOf } from "./reply-schemas";

export type Message = ReplyOf<"message">;
export type Detections = ReplyOf<"detections"> & Unreadable;
export type Trace = ReplyOf<"trace"> & Unreadable;
export type Preview = ReplyOf<"preview">;
export type RawMessage = ReplyOf<"raw">;
export type ActionLogEntry = ReplyOf<"actionLog">[number];
export type MoveResult = ReplyOf<"moveResults">[number];
export type ReleaseResult = ReplyOf<"releaseResults">[number];
export type BulkJob = ReplyOf<"job">;
export type BulkJobDeleted = ReplyOf<"deleted">;
export type BulkJobMessage = ReplyOf<"jobMessages">[number];

/** How many entries of a reply (at any depth) could not be read and are not shown. */
export interface Unreadable {
  unreadable: number;
}

/**
 * Paging as the console passes it on. Cloudflare pages by cursor (`next`/`previous`), but a
 * reply may instead be page-numbered (`page`, no `next`): `next_page` is then the page to ask
 * for, or null when this page was short or empty.
 */
export interface ResultInfo {
  count: number;
  per_page: number;
  next: string | null;
  previous: string | null;
  page: number | null;
  next_page: number | null;
}

/** A list reply as the console passes it on: the entries it could read, and how many it could not. */
export interface Paged<T> extends Unreadable {
  result: T[];
  result_info: ResultInfo;
}
