import { z } from "zod";
import { searchDispositionSchema } from "./enums";
import { checkDateRange, isoDateTimeSchema, pageSchema } from "./search";

// The submissions queue's filters: in its URL and in the API route's query alike.

export const SUBMISSION_TYPES = ["TEAM", "USER"] as const;
export const SUBMISSION_ORDERS = [
  "requested_at",
  "submission_id",
  "subject",
  "original_disposition",
  "requested_disposition",
  "outcome_disposition",
] as const;

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${label} must not contain control characters`);

export const submissionListQuerySchema = z
  .strictObject({
    type: z.enum(SUBMISSION_TYPES).optional(),
    status: text("Status", 64).optional(),
    original_disposition: searchDispositionSchema.optional(),
    requested_disposition: searchDispositionSchema.optional(),
    outcome_disposition: searchDispositionSchema.optional(),
    start: isoDateTimeSchema.optional(),
    end: isoDateTimeSchema.optional(),
    query: text("Search", 512).optional(),
    submission_id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "Submission id must be 1–128 letters, digits, '-' or '_'").optional(),
    order: z.enum(SUBMISSION_ORDERS).optional(),
    direction: z.enum(["asc", "desc"]).optional(),
    page: pageSchema.optional(),
    per_page: z
      .string()
      .regex(/^\d{1,4}$/, "per_page must be a whole number")
      .transform(Number)
      .pipe(z.number().int().min(1, "per_page must be at least 1").max(100, "per_page must be at most 100"))
      .optional(),
  })
  .superRefine(checkDateRange);
export type SubmissionListQuery = z.infer<typeof submissionListQuerySchema>;
