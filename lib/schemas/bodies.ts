import { z } from "zod";
import {
  bulkActionSchema,
  destinationSchema,
  jobMessageStatusSchema,
  jobStatusSchema,
  reclassifyDispositionSchema,
} from "./enums";
import { investigateIdListSchema, investigateIdSchema } from "./ids";
import { bulkSearchParamsShape } from "@/lib/filters/registry";
import { looksLikeApprovalMark } from "@/lib/approvals/mark";
import { checkDateRange, pageSchema, perPageSchema } from "./search";

// Bodies are strict: an unknown key is a mistake (or a probe) and is refused, never forwarded.
// Moves and bulk jobs have no `expected_disposition`: the SDK 7.3 marks it deprecated ("This field
// is nonfunctional") on all three, and a deprecated field is never sent.

export const moveMessageBodySchema = z.strictObject({
  destination: destinationSchema,
});
export type MoveMessageBody = z.infer<typeof moveMessageBodySchema>;

export const moveMessagesBodySchema = z.strictObject({
  destination: destinationSchema,
  ids: investigateIdListSchema,
});
export type MoveMessagesBody = z.infer<typeof moveMessagesBodySchema>;

export const releaseMessagesBodySchema = z.strictObject({ ids: investigateIdListSchema });
export type ReleaseMessagesBody = z.infer<typeof releaseMessagesBodySchema>;

export const createPreviewBodySchema = z.strictObject({ id: investigateIdSchema });

/** An .eml attached to a reclassification, base64: bounded so one request cannot exhaust memory. */
export const MAX_EML_BASE64_CHARS = 4 * 1024 * 1024;

export const reclassifyBodySchema = z.strictObject({
  expected_disposition: reclassifyDispositionSchema,
  eml_content: z
    .string()
    .max(MAX_EML_BASE64_CHARS, "eml_content is too large")
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, "eml_content must be base64")
    .optional(),
  escalated_submission_id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "Invalid submission id").optional(),
});
export type ReclassifyBody = z.infer<typeof reclassifyBodySchema>;

/** A bulk job's search: the search filters, typed (JSON), with Cloudflare's field names (from the filter registry). */
export const bulkSearchParamsSchema = z
  .strictObject(bulkSearchParamsShape)
  .superRefine((v, ctx) => checkDateRange({ start: v.start, end: v.end }, ctx));
export type BulkSearchParams = z.infer<typeof bulkSearchParamsSchema>;

export const createBulkJobBodySchema = z
  .strictObject({
    action: bulkActionSchema,
    search_params: bulkSearchParamsSchema,
    destination: destinationSchema.optional(),
    comment: z
      .string()
      .trim()
      .max(500, "Comment must be at most 500 characters")
      .refine((v) => !looksLikeApprovalMark(v), "Comment must not contain “[Triage approval …]”: the console writes that mark itself")
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action === "MOVE" && !v.destination) {
      ctx.addIssue({ code: "custom", path: ["destination"], message: "A move needs a destination" });
    }
    if (v.action === "RELEASE" && v.destination) {
      ctx.addIssue({ code: "custom", path: ["destination"], message: "A release has no destination" });
    }
  });
export type CreateBulkJobBody = z.infer<typeof createBulkJobBodySchema>;

export const listBulkJobsQuerySchema = z.strictObject({
  page: pageSchema.optional(),
  per_page: perPageSchema.optional(),
  status: jobStatusSchema.optional(),
  action_type: bulkActionSchema.optional(),
});
export type ListBulkJobsQuery = z.infer<typeof listBulkJobsQuerySchema>;

export const listBulkJobMessagesQuerySchema = z.strictObject({
  page: pageSchema.optional(),
  per_page: perPageSchema.optional(),
  status: jobMessageStatusSchema.optional(),
});
export type ListBulkJobMessagesQuery = z.infer<typeof listBulkJobMessagesQuerySchema>;

/** Routes that take no query string still refuse one, so probes are visible as 400s. */
export const noQuerySchema = z.strictObject({});
export const getMessageQuerySchema = z.strictObject({
  submission: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
