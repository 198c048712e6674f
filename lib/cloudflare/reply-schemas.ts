import { z } from "zod";
import { flag, objectSchema, readFast, text, texts, type FieldTable } from "./reply-fields";

/**
 * The console's reading of every Investigate reply, after Cloudflare's published description
 * (`../shared/cloudflare/email-security-investigate.openapi.json`) rather than the SDK's types:
 * the description makes far more fields optional or nullable than the SDK admits, and enum
 * values grow. So:
 * - only what identifies a thing is required (a message's `id`, an action's `operation`, a job's
 *   `job_id`); every other field that is missing, null or of the wrong type reads as null;
 * - enum-valued fields are plain strings: a value the console does not know is shown as it came;
 * - a list entry that cannot be read is dropped and reported through `skip`, so one bad entry
 *   costs one row, never the tab;
 * - unknown and deprecated fields are stripped: the browser gets only what the console reads.
 */

// A field that may be absent, null or wrong: it then reads as null, and the UI shows "—".
const num = z.number().nullish().catch(null);
const whole = z.number().int().nonnegative().nullish().catch(null);
const VALIDATION = { object: { comment: "text", dkim: "text", dmarc: "text", spf: "text" } } as const;

/** A message as search and get return it: the row of every list, read on every search. */
const MESSAGE_FIELDS = {
  id: "id",
  postfix_id: "text",
  alert_id: "text",
  client_recipients: "texts",
  delivery_mode: "text",
  delivery_status: "texts",
  detection_reasons: "texts",
  edf_hash: "text",
  envelope_from: "text",
  envelope_to: "texts",
  final_disposition: "text",
  from: "text",
  from_name: "text",
  htmltext_structure_hash: "text",
  is_phish_submission: "flag",
  is_quarantined: "flag",
  message_id: "text",
  post_delivery_operations: "texts",
  postfix_id_outbound: "text",
  properties: {
    object: {
      allowlisted_pattern: "text",
      allowlisted_pattern_type: "text",
      blocklisted_message: "flag",
      blocklisted_pattern: "text",
      whitelisted_pattern_type: "text",
    },
  },
  replyto: "text",
  scanned_at: "text",
  sent_at: "text",
  sent_date: "text",
  smtp_helo_server_ip: "text",
  smtp_previous_hop_ip: "text",
  subject: "text",
  threat_categories: "texts",
  to: "texts",
  to_name: "texts",
  validation: VALIDATION,
  x_originating_ip: "text",
} as const satisfies FieldTable;

function schemas(skip: () => void) {
  /** The top-level `result` of a list reply: must be a list; bad entries are left out (and counted). */
  const entries = <T extends z.ZodType>(item: T, fast?: FieldTable) =>
    z.array(z.unknown()).transform((items) => {
      const out: z.output<T>[] = [];
      for (const raw of items) {
        const quick = fast ? readFast(fast, raw) : undefined;
        if (quick !== undefined) {
          out.push(quick as z.output<T>);
          continue;
        }
        const parsed = item.safeParse(raw);
        if (parsed.success) out.push(parsed.data);
        else skip();
      }
      return out;
    });
  /** A list inside a reply: the same, except that a missing or malformed list reads as null. */
  const listOf = <T extends z.ZodType>(item: T) => entries(item).nullish().catch(null);

  const validation = objectSchema(VALIDATION.object).nullish().catch(null);
  const message = objectSchema(MESSAGE_FIELDS);

  const actionLogEntry = z.object({
    operation: z.string().min(1),
    completed_at: text,
    started_at: text,
    status: text,
    success: flag,
    // Open in the description: only the two fields the console shows are read.
    properties: z.object({ folder: text, requested_by: text }).nullish().catch(null),
  });

  const finding = z.object({
    attachment: text,
    detail: text,
    detection: text,
    field: text,
    name: text,
    portion: text,
    reason: text,
    score: num,
    value: text,
  });

  const detections = z.object({
    action: text,
    attachments: listOf(
      z.object({
        size: whole,
        content_type: text,
        detection: text,
        encrypted: flag,
        filename: text,
        name: text,
        md5: text,
        sha1: text,
        sha256: text,
      }),
    ),
    final_disposition: text,
    findings: listOf(finding),
    headers: listOf(z.object({ name: z.string(), value: z.string() })),
    links: listOf(z.object({ href: z.string(), text })),
    sender_info: z.object({ as_name: text, as_number: num, geo: text, ip: text, pld: text }).nullish().catch(null),
    threat_categories: listOf(z.object({ id: num, name: text, description: text })),
    validation,
  });

  const traceDirection = z
    .object({
      lines: listOf(z.object({ lineno: num, logged_at: text, message: text })),
      pending: flag,
    })
    .nullish()
    .catch(null);

  const job = z.object({
    job_id: z.string().min(1),
    status: text,
    action_type: text,
    action_params: z.object({ type: text, destination: text, expected_disposition: text }).nullish().catch(null),
    // Shown as the search it was; its keys are read where it is shown.
    search_params: z.record(z.string(), z.unknown()).nullish().catch(null),
    comment: text,
    created_at: text,
    started_at: text,
    completed_at: text,
    status_message: text,
    total_messages_discovered: whole,
    messages_pending: whole,
    messages_successful: whole,
    messages_failed: whole,
    messages_skipped: whole,
    messages_cancelled: whole,
  });

  const jobMessage = z.object({
    // The row's own id and the message's postfix id; neither is an investigate id.
    message_id: text,
    postfix_id: z.string().min(1),
    action_type: text,
    action_params: z.object({ type: text, destination: text, client_recipient: text, expected_disposition: text }).nullish().catch(null),
    alert_id: text,
    created_at: text,
    email_message_id: text,
    processed_at: text,
    retry_after: text,
    retry_count: whole,
    status: text,
    status_message: text,
    // Only the SDK has it (the description's BulkActionMessageDetail does not): never rely on it.
    message: message.nullish().catch(null),
  });

  return {
    messages: entries(message, MESSAGE_FIELDS),
    message,
    detections,
    trace: z.object({ inbound: traceDirection, outbound: traceDirection }),
    preview: z.object({ screenshot: z.string() }),
    raw: z.object({ raw: z.string() }),
    actionLog: entries(actionLogEntry),
    moveResults: entries(
      z.object({
        success: z.boolean(),
        completed_at: text,
        destination: text,
        message_id: text,
        operation: text,
        recipient: text,
        status: text,
      }),
    ),
    releaseResults: entries(z.object({ id: z.string().min(1), delivered: texts, failed: texts, undelivered: texts })),
    job,
    jobs: entries(job),
    deleted: z.object({ id: z.string() }),
    jobMessages: entries(jobMessage),
    resultInfo: z
      .object({ count: whole, per_page: whole, total_count: whole, page: whole, next: text, previous: text })
      .nullish()
      .catch(null),
  } as const;
}

/**
 * Built once: zod compiles an object schema on its first parse, so schemas made per reply cost
 * milliseconds a request (measured: 4 ms of CPU for a 50-row search). Parsing is synchronous, so
 * the lists report what they leave out to whichever read is running (`countingSkips`).
 */
let onSkip: (() => void) | null = null;
const shapes = schemas(() => onSkip?.());

type Shapes = ReturnType<typeof schemas>;

/** Runs a synchronous parse with the shared schemas, counting the list entries it leaves out. */
export function countingSkips<T>(parse: (s: Shapes) => T): { value: T; skipped: number } {
  let skipped = 0;
  const outer = onSkip;
  onSkip = () => {
    skipped += 1;
  };
  try {
    return { value: parse(shapes), skipped };
  } finally {
    onSkip = outer;
  }
}

export type ReplyKind = keyof Shapes;
export type ReplyOf<K extends ReplyKind> = z.output<Shapes[K]>;

/**
 * Blocked senders, allow policies and submissions, after the settings description
 * (`../shared/cloudflare/email-security-settings.openapi.json`), by the same rules as above. Plain
 * zod (no fast lane): these lists are short and read rarely.
 * - An entry needs what makes it an entry: a pattern (a block without one blocks nothing the
 *   console can name). Its `id` is optional there and in the SDK's types for blocked senders, so
 *   an entry without one is still shown (it cannot be changed from the console).
 * - Allow policies carry the three kinds under their current names; the retired aliases
 *   (`is_sender`, `is_spoof`, `is_recipient`) are read only to fall back on for old entries.
 * - Every `result_info` field is optional; `total_count` counts the unfiltered list.
 */
const entryId = z
  .union([z.string().min(1), z.number()])
  .transform(String)
  .nullish()
  .catch(null);

export const blockedSenderReplySchema = z.object({
  id: entryId,
  pattern: z.string().min(1),
  pattern_type: text,
  is_regex: flag,
  comments: text,
  created_at: text,
  modified_at: text,
  last_modified: text,
});
export type BlockedSenderReply = z.output<typeof blockedSenderReplySchema>;

export const allowPolicyReplySchema = blockedSenderReplySchema.extend({
  is_trusted_sender: flag,
  is_acceptable_sender: flag,
  is_exempt_recipient: flag,
  verify_sender: flag,
  is_sender: flag,
  is_spoof: flag,
  is_recipient: flag,
});
export type AllowPolicyReply = z.output<typeof allowPolicyReplySchema>;

/**
 * The reply to a create or an edit: the change is made once Cloudflare answers 2xx, so nothing in
 * it is required; a missing field falls back to what the console sent (see lib/cloudflare/policies.ts).
 */
export const changedBlockedSenderReplySchema = blockedSenderReplySchema.extend({ pattern: text }).nullish().catch(null);
export const changedAllowPolicyReplySchema = allowPolicyReplySchema.extend({ pattern: text }).nullish().catch(null);

/** A delete's reply: `{id}`, which the console already knows if Cloudflare leaves it out. */
export const deletedEntryReplySchema = z.object({ id: entryId }).nullish().catch(null);

export const submissionReplySchema = z.object({
  submission_id: z.string().min(1),
  requested_at: z.string().min(1),
  type: text,
  status: text,
  customer_status: text,
  subject: text,
  requested_by: text,
  original_disposition: text,
  requested_disposition: text,
  outcome_disposition: text,
  outcome: text,
  original_postfix_id: text,
});
export type SubmissionReply = z.output<typeof submissionReplySchema>;

/** `result_info` of the page-numbered lists (settings, submissions): any part of it may be missing. */
export const pageResultInfoSchema = z
  .object({ count: whole, page: whole, per_page: whole, total_count: whole })
  .nullish()
  .catch(null);
