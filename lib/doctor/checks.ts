import "server-only";
import type Cloudflare from "cloudflare";
import type { z } from "zod";
import { toAllowPolicy, toEntry } from "@/lib/cloudflare/policies";
import { allowPolicyReplySchema, blockedSenderReplySchema, submissionReplySchema } from "@/lib/cloudflare/reply-schemas";
import { readEach, readList, readReply } from "@/lib/cloudflare/reply-shapes";
import { toSubmission } from "@/lib/cloudflare/submissions";
import type { FieldWatcher } from "./fields";

/**
 * Every read the console makes at Cloudflare, as the doctor makes it: the same SDK method with a
 * small page, read by the console's own reader. The console's operation functions
 * (lib/cloudflare/messages.ts …) are not called: they answer from the shared read cache and spend
 * the shared budget (Redis with REDIS_URL), and they hide the status, the time and the raw reply,
 * which are what the doctor is for.
 */

/**
 * Token permissions, as Cloudflare names them in each operation's `x-api-token-group` in its
 * published descriptions (../shared/cloudflare/email-security-*.openapi.json): every read accepts
 * either; every change needs Write. The submissions list names none there; it is the same product.
 */
export const READ_PERMISSION = "Cloud Email Security: Read";
export const WRITE_PERMISSION = "Cloud Email Security: Write";

/** A small page: enough to see the fields, cheap for Cloudflare. */
const PER_PAGE = 5;

export interface Ids {
  message?: string;
  job?: string;
}

export interface Reading {
  /** Entries (at any depth) the console would leave out. */
  unreadable: number;
  /** Entries on the page, for a list. */
  entries?: number;
  /** What the next checks need from this reply (a message id from the search, a job id). */
  ids?: Ids;
}

interface RawPage {
  result?: unknown;
  result_info?: unknown;
}

export type CheckId =
  | "search"
  | "message"
  | "detections"
  | "trace"
  | "actionLog"
  | "jobs"
  | "job"
  | "jobMessages"
  | "blockedSenders"
  | "allowPolicies"
  | "submissions";

export interface RequestOptions {
  timeout: number;
  maxRetries: 0;
}

export interface Check {
  id: CheckId;
  /** As an operator would say it. */
  operation: string;
  /** Method and path after the account, with placeholders: no id of the account's mail is printed here. */
  request: string;
  /** A message or a bulk job this check reads; without one it is not tried. */
  needs?: keyof Ids;
  list: boolean;
  send(client: Cloudflare, accountId: string, ids: Ids, options: RequestOptions): { asResponse(): Promise<Response> };
  read(body: RawPage, watch: FieldWatcher): Reading;
}

const investigate = (client: Cloudflare) => client.emailSecurity.investigate;

/** Settings and submissions: the console's zod shape decides what is readable, its mapper what is read. */
function readRows<Raw, Row>(shape: z.ZodType<Raw>, toRow: (raw: Raw) => Row, body: RawPage, watch: FieldWatcher): Reading {
  const { value, unreadable } = readEach(shape, body.result);
  value.forEach((raw) => toRow(watch.watch(raw)));
  return { unreadable, entries: value.length + unreadable };
}

export const CHECKS: readonly Check[] = [
  {
    id: "search",
    operation: "Search messages",
    request: "GET /investigate",
    list: true,
    // detections_only=false: any message will do, and a quiet account may have no detections.
    send: (client, account_id, _ids, options) => investigate(client).list({ account_id, per_page: PER_PAGE, detections_only: false }, options),
    read: (body, watch) => {
      const { value, unreadable } = readList("messages", watch.watch(body.result));
      return { unreadable, entries: value.length + unreadable, ids: { message: value[0]?.id } };
    },
  },
  {
    id: "message",
    operation: "Read a message",
    request: "GET /investigate/{id}",
    needs: "message",
    list: false,
    send: (client, account_id, ids, options) => investigate(client).get(ids.message!, { account_id }, options),
    read: (body, watch) => ({ unreadable: readReply("message", watch.watch(body.result)).unreadable }),
  },
  {
    id: "detections",
    operation: "Message detections",
    request: "GET /investigate/{id}/detections",
    needs: "message",
    list: false,
    send: (client, account_id, ids, options) => investigate(client).detections.get(ids.message!, { account_id }, options),
    read: (body, watch) => ({ unreadable: readReply("detections", watch.watch(body.result)).unreadable }),
  },
  {
    id: "trace",
    operation: "Message trace",
    request: "GET /investigate/{id}/trace",
    needs: "message",
    list: false,
    send: (client, account_id, ids, options) => investigate(client).trace.get(ids.message!, { account_id }, options),
    read: (body, watch) => ({ unreadable: readReply("trace", watch.watch(body.result)).unreadable }),
  },
  {
    id: "actionLog",
    operation: "Message action log",
    request: "GET /investigate/{id}/action_log",
    needs: "message",
    list: true,
    // SDK 7.3 has no method for it; the console uses the SDK's generic get too (messages.ts).
    send: (client, accountId, ids, options) =>
      client.get(`/accounts/${accountId}/email-security/investigate/${encodeURIComponent(ids.message!)}/action_log`, options),
    read: (body, watch) => {
      const { value, unreadable } = readList("actionLog", watch.watch(body.result));
      return { unreadable, entries: value.length + unreadable };
    },
  },
  {
    id: "jobs",
    operation: "Bulk jobs",
    request: "GET /investigate/bulk",
    list: true,
    send: (client, account_id, _ids, options) => investigate(client).bulk.list({ account_id, per_page: PER_PAGE }, options),
    read: (body, watch) => {
      const { value, unreadable } = readList("jobs", watch.watch(body.result));
      return { unreadable, entries: value.length + unreadable, ids: { job: value[0]?.job_id } };
    },
  },
  {
    id: "job",
    operation: "Read a bulk job",
    request: "GET /investigate/bulk/{job}",
    needs: "job",
    list: false,
    send: (client, account_id, ids, options) => investigate(client).bulk.get(ids.job!, { account_id }, options),
    read: (body, watch) => ({ unreadable: readReply("job", watch.watch(body.result)).unreadable }),
  },
  {
    id: "jobMessages",
    operation: "A bulk job's messages",
    request: "GET /investigate/bulk/{job}/messages",
    needs: "job",
    list: true,
    send: (client, account_id, ids, options) => investigate(client).bulk.messages.list(ids.job!, { account_id, per_page: PER_PAGE }, options),
    read: (body, watch) => {
      const { value, unreadable } = readList("jobMessages", watch.watch(body.result));
      return { unreadable, entries: value.length + unreadable };
    },
  },
  {
    id: "blockedSenders",
    operation: "Blocked senders",
    request: "GET /settings/block_senders",
    list: true,
    send: (client, account_id, _ids, options) => client.emailSecurity.settings.blockSenders.list({ account_id, per_page: PER_PAGE }, options),
    read: (body, watch) => readRows(blockedSenderReplySchema, (raw) => toEntry(raw), body, watch),
  },
  {
    id: "allowPolicies",
    operation: "Allow policies",
    request: "GET /settings/allow_policies",
    list: true,
    send: (client, account_id, _ids, options) => client.emailSecurity.settings.allowPolicies.list({ account_id, per_page: PER_PAGE }, options),
    read: (body, watch) => readRows(allowPolicyReplySchema, (raw) => toAllowPolicy(raw), body, watch),
  },
  {
    id: "submissions",
    operation: "Submissions",
    request: "GET /submissions",
    list: true,
    send: (client, account_id, _ids, options) => client.emailSecurity.submissions.list({ account_id, per_page: PER_PAGE }, options),
    read: (body, watch) => readRows(submissionReplySchema, toSubmission, body, watch),
  },
];
