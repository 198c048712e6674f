import { z } from "zod";
import { deliveryStatusSchema, messageActionSchema, searchDispositionSchema } from "./enums";

const text = (label: string, max = 256) =>
  z
    .string()
    .trim()
    .min(1, `${label} must not be empty`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${label} must not contain control characters`);

export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: "Use an ISO-8601 date and time, e.g. 2026-11-24T09:30:00Z",
});

/** Booleans as they travel in a query string. */
export const queryBooleanSchema = z
  .enum(["true", "false"], { message: "Use true or false" })
  .transform((v) => v === "true");

export const perPageSchema = z
  .string()
  .regex(/^\d{1,4}$/, "per_page must be a whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "per_page must be at least 1").max(1000, "per_page must be at most 1000"));

export const pageSchema = z
  .string()
  .regex(/^\d{1,6}$/, "page must be a whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "page must be at least 1"));

/** Cursors are opaque, but they are tokens: no spaces, no path or control characters. */
export const cursorSchema = z
  .string()
  .max(2048, "cursor is too long")
  .regex(/^[A-Za-z0-9_\-=.~+]+$/, "cursor is not one Cloudflare issued");

/**
 * The filters of a message search, as they appear in a query string. The same fields make up a
 * bulk job's search parameters, the console's URL and the API route's query.
 */
export const messageFilterShape = {
  query: text("Search", 512).optional(),
  sender: text("Sender").optional(),
  recipient: text("Recipient").optional(),
  subject: text("Subject", 512).optional(),
  exact_subject: text("Exact subject", 1000).optional(),
  domain: text("Domain", 253).optional(),
  alert_id: text("Alert id", 128).optional(),
  message_id: text("Message-ID", 512).optional(),
  smtp_helo_ip: z.union([z.ipv4(), z.ipv6()], { message: "HELO IP must be an IPv4 or IPv6 address" }).optional(),
  start: isoDateTimeSchema.optional(),
  end: isoDateTimeSchema.optional(),
  final_disposition: searchDispositionSchema.optional(),
  delivery_status: deliveryStatusSchema.optional(),
  message_action: messageActionSchema.optional(),
  detections_only: queryBooleanSchema.optional(),
  submission: queryBooleanSchema.optional(),
  metric: text("Metric", 64).optional(),
};

/** Clock skew tolerated between the browser that wrote `start` and this server. */
const FUTURE_SKEW_MS = 5 * 60_000;

export function checkDateRange(v: { start?: string; end?: string }, ctx: z.RefinementCtx) {
  if (v.start && Date.parse(v.start) > Date.now() + FUTURE_SKEW_MS) {
    ctx.addIssue({ code: "custom", path: ["start"], message: "Start must not be in the future" });
  }
  if (v.start && v.end && Date.parse(v.start) > Date.parse(v.end)) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "End must not be before start" });
  }
}

/** GET /api/email-security/investigate: the filters plus cursor paging. */
export const messageSearchSchema = z
  .strictObject({ ...messageFilterShape, cursor: cursorSchema.optional(), per_page: perPageSchema.optional() })
  .superRefine(checkDateRange);
export type MessageSearch = z.infer<typeof messageSearchSchema>;
export type MessageFilters = Omit<MessageSearch, "cursor" | "per_page">;

export const FILTER_KEYS = Object.keys(messageFilterShape) as (keyof MessageFilters)[];
