// Client-safe: the console's shape of a PhishGuard report (Cloudflare's analysts' write-up of a
// threat in the account's mail), built in lib/cloudflare/phishguard.ts from the SDK's reply.
import { z } from "zod";
import { isoDateTimeSchema } from "@/lib/filters/values";
import { checkDateRange } from "@/lib/schemas/search";

export interface PhishguardReport {
  id: number;
  title: string;
  content: string;
  priority: string;
  disposition: string | null;
  tags: { category: string; value: string }[];
  from: string | null;
  to: string[];
  /** When the message arrived (`fields.occurred_at`; the deprecated `fields.ts` is never read). */
  occurred_at: string | null;
  postfix_id: string | null;
  created_at: string | null;
}

/** GET /api/email-security/phishguard/reports: a date range, as Cloudflare's operation takes it. */
export const phishguardQuerySchema = z.strictObject({ start: isoDateTimeSchema.optional(), end: isoDateTimeSchema.optional() }).superRefine(checkDateRange);
export type PhishguardQuery = z.infer<typeof phishguardQuerySchema>;

const LOOK_AROUND_MS = 24 * 3_600_000;

/**
 * The message a report is about: Investigate has no postfix-id filter, but its free-text search
 * matches the investigate id, which begins with the postfix id; searched around when it arrived.
 */
export function reportMessageHref(r: Pick<PhishguardReport, "postfix_id" | "occurred_at">): string | null {
  const postfixId = r.postfix_id?.trim();
  if (!postfixId || postfixId.length > 256 || !/^[A-Za-z0-9._~+=:@-]+$/.test(postfixId)) return null;
  const at = r.occurred_at ? Date.parse(r.occurred_at) : Number.NaN;
  const params = new URLSearchParams({ query: postfixId, detections_only: "false" });
  if (!Number.isNaN(at)) {
    params.set("start", new Date(at - LOOK_AROUND_MS).toISOString());
    params.set("end", new Date(Math.min(at + LOOK_AROUND_MS, Date.now())).toISOString());
  }
  return `/messages?${params.toString()}`;
}
