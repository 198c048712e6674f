import type { Generated } from "kysely";

// The console's tables as both engines hold them. Times are ISO strings (audit) or whole seconds
// since the epoch (sessions); JSON is kept as text so SQLite and PostgreSQL read the same values.

export interface AuditEventsTable {
  id: Generated<number>;
  started_at: string;
  completed_at: string | null;
  email: string;
  role: string;
  operation: string;
  message_ids: Generated<string>;
  job_id: string | null;
  destination: string | null;
  params: Generated<string>;
  ip: string | null;
  user_agent: string | null;
  outcome: Generated<string>;
  upstream_status: number | null;
  result: string | null;
}

export interface AuditEventMessagesTable {
  event_id: number;
  message_id: string;
}

export interface SessionsTable {
  id: string;
  email: string;
  role: string;
  provider: string;
  groups: Generated<string>;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_by: string | null;
  last_seen: number;
}

/** Times are milliseconds since the epoch (bigint); body, reasons and sample are JSON text. */
export interface ApprovalRequestsTable {
  id: string;
  created_at: number;
  expires_at: number;
  requested_by: string;
  action: string;
  destination: string | null;
  comment: string | null;
  body: string;
  reasons: string;
  sample: string;
  matched: number;
  matched_more: number;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
  job_id: string | null;
  last_error: string | null;
}

/** A saved search: `query` is the message page's canonical query string; times are ms since the epoch. */
export interface SavedViewsTable {
  id: string;
  owner: string;
  name: string;
  name_key: string;
  query: string;
  shared: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface Schema {
  audit_events: AuditEventsTable;
  audit_event_messages: AuditEventMessagesTable;
  sessions: SessionsTable;
  approval_requests: ApprovalRequestsTable;
  saved_views: SavedViewsTable;
}
