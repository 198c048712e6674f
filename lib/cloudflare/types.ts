// The vendor's shapes, re-exported under the console's names. Type-only: safe in client code.
import type {
  InvestigateGetResponse,
  InvestigateListResponse,
} from "cloudflare/resources/email-security/investigate/investigate";
import type { DetectionGetResponse } from "cloudflare/resources/email-security/investigate/detections";
import type { TraceGetResponse } from "cloudflare/resources/email-security/investigate/trace";
import type { PreviewGetResponse } from "cloudflare/resources/email-security/investigate/preview";
import type { RawGetResponse } from "cloudflare/resources/email-security/investigate/raw";
import type { MoveCreateResponse } from "cloudflare/resources/email-security/investigate/move";
import type { ReleaseBulkResponse } from "cloudflare/resources/email-security/investigate/release";
import type { BulkGetResponse, BulkDeleteResponse } from "cloudflare/resources/email-security/investigate/bulk/bulk";
import type { MessageListResponse } from "cloudflare/resources/email-security/investigate/bulk/messages";

/** Deprecated fields past their end of life are stripped from the type so no code reads them. */
type WithoutDeprecated<T> = Omit<T, "ts" | "action_log" | "findings">;

export type Message = WithoutDeprecated<InvestigateListResponse>;
export type MessageDetail = WithoutDeprecated<InvestigateGetResponse>;
export type Detections = DetectionGetResponse;
export type Trace = TraceGetResponse;
export type Preview = PreviewGetResponse;
export type RawMessage = RawGetResponse;
export type MoveResult = Omit<MoveCreateResponse, "completed_timestamp" | "item_count">;
export type ReleaseResult = Omit<ReleaseBulkResponse, "postfix_id">;
export type BulkJob = BulkGetResponse;
export type BulkJobDeleted = BulkDeleteResponse;
export type BulkJobMessage = Omit<MessageListResponse, "message"> & { message?: Message };

/** Cursor paging: Cloudflare no longer reports totals (`total_count` is always 0). */
export interface ResultInfo {
  count: number;
  per_page: number;
  next?: string | null;
  previous?: string | null;
}

/** Page-numbered paging, used by bulk-job lists. */
export interface PagedResultInfo extends ResultInfo {
  page?: number;
}

export interface ActionLogEntry {
  completed_at: string;
  operation: string;
  status?: string | null;
  properties?: { folder?: string; requested_by?: string };
}
