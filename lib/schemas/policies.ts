import { z } from "zod";
import { MAX_COMMENT_CHARS } from "@/lib/policies/comment";
import { checkIpPattern } from "@/lib/policies/ip";
import { pageSchema } from "./search";

// Blocked senders and allow policies: one schema each for the route, the form and the URL.

/** UNKNOWN is deprecated upstream: it may appear on old entries but cannot be created. */
export const PATTERN_TYPES = ["EMAIL", "DOMAIN", "IP"] as const;
export const patternTypeSchema = z.enum(PATTERN_TYPES);
export type PatternType = z.infer<typeof patternTypeSchema>;

/** Entry ids are spliced into an upstream path: letters, digits, '-' and '_' only. */
export const policyIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Entry id must be 1–64 letters, digits, '-' or '_'");
export const policyParamsSchema = z.strictObject({ policyId: policyIdSchema });

const noControls = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const commentsSchema = z
  .string()
  .trim()
  .max(MAX_COMMENT_CHARS, `Comment must be at most ${MAX_COMMENT_CHARS} characters`)
  .refine((v) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(v), "Comment must not contain control characters")
  .nullable();

const patternFields = {
  pattern: z.string().trim().min(1, "Pattern must not be empty").max(1024, "Pattern must be at most 1024 characters").refine(noControls, "Pattern must not contain control characters"),
  pattern_type: patternTypeSchema,
  is_regex: z.boolean(),
  comments: commentsSchema.optional(),
};

/** A literal pattern must look like what its type says; a regex is Cloudflare's to judge. */
function checkPattern(v: { pattern: string; pattern_type: PatternType; is_regex: boolean }, ctx: z.RefinementCtx) {
  if (v.is_regex) {
    try {
      new RegExp(v.pattern);
    } catch {
      ctx.addIssue({ code: "custom", path: ["pattern"], message: "Pattern is not a valid regular expression" });
    }
    return;
  }
  if (v.pattern_type === "IP") {
    const ip = checkIpPattern(v.pattern);
    if (!ip.ok) ctx.addIssue({ code: "custom", path: ["pattern"], message: `Pattern is not a usable IP address or block: ${ip.reason} (${PATTERN_HINT.IP})` });
    return;
  }
  const ok = v.pattern_type === "EMAIL" ? EMAIL.test(v.pattern) : DOMAIN.test(v.pattern);
  if (!ok) ctx.addIssue({ code: "custom", path: ["pattern"], message: `Pattern is not a valid ${v.pattern_type.toLowerCase()} (${PATTERN_HINT[v.pattern_type]})` });
}

const PATTERN_HINT: Record<PatternType, string> = {
  EMAIL: "e.g. user@example.com",
  DOMAIN: "e.g. example.com",
  IP: "e.g. 203.0.113.7 or 203.0.113.0/24",
};

export const createBlockedSenderBodySchema = z.strictObject(patternFields).superRefine(checkPattern);
export type CreateBlockedSenderBody = z.infer<typeof createBlockedSenderBodySchema>;

/** The three kinds of allow policy the API offers; exactly one is chosen. */
export const ALLOW_KINDS = ["is_trusted_sender", "is_acceptable_sender", "is_exempt_recipient"] as const;
export type AllowKind = (typeof ALLOW_KINDS)[number];
export const allowKindSchema = z.enum(ALLOW_KINDS);

/**
 * No `is_spoof` (nor `is_sender` / `is_recipient`): deprecated aliases of the kinds, retired on
 * July 1, 2026. Exempting a sender from spoof detection is what the acceptable-sender kind does.
 */
export const createAllowPolicyBodySchema = z
  .strictObject({
    ...patternFields,
    kind: allowKindSchema,
    verify_sender: z.boolean(),
  })
  .superRefine(checkPattern);
export type CreateAllowPolicyBody = z.infer<typeof createAllowPolicyBodySchema>;

/** Only the comment is editable from the console; changing a pattern is a delete and a new entry. */
export const editCommentBodySchema = z.strictObject({ comments: commentsSchema });
export type EditCommentBody = z.infer<typeof editCommentBodySchema>;

const listPerPageSchema = z
  .string()
  .regex(/^\d{1,4}$/, "per_page must be a whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "per_page must be at least 1").max(100, "per_page must be at most 100"));

/** The policies page's URL and the list routes' query alike. */
export const policyListQuerySchema = z.strictObject({
  search: z.string().trim().min(1, "Search must not be empty").max(256, "Search must be at most 256 characters").refine(noControls, "Search must not contain control characters").optional(),
  /** One entry by its exact pattern (Cloudflare's `pattern` filter): what a link to an entry opens. */
  pattern: patternFields.pattern.optional(),
  pattern_type: z.enum([...PATTERN_TYPES, "UNKNOWN"]).optional(),
  order: z.enum(["pattern", "created_at"]).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  page: pageSchema.optional(),
  per_page: listPerPageSchema.optional(),
});
export type PolicyListQuery = z.infer<typeof policyListQuerySchema>;

/** "Is this sender already blocked or allowed?" — asked by the message page. */
export const senderStatusQuerySchema = z.strictObject({
  sender: z.string().trim().max(320, "Sender must be at most 320 characters").regex(EMAIL, "Sender must be an email address"),
});
export type SenderStatusQuery = z.infer<typeof senderStatusQuerySchema>;

/** Which list the policies page shows; in its URL. */
export const policyTabSchema = z.enum(["blocked", "allowed"]);
export type PolicyTab = z.infer<typeof policyTabSchema>;
export const policiesPageSchema = policyListQuerySchema.extend({ tab: policyTabSchema.optional() });
export type PoliciesPageQuery = z.infer<typeof policiesPageSchema>;
