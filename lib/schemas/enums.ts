import { z } from "zod";

// Value lists mirror the cloudflare SDK 7.3 types; the SDK is newer than the published schema.
export const DISPOSITIONS = [
  "MALICIOUS",
  "MALICIOUS-BEC",
  "SUSPICIOUS",
  "SPOOF",
  "SPAM",
  "BULK",
  "ENCRYPTED",
  "EXTERNAL",
  "UNKNOWN",
  "NONE",
] as const;
export const dispositionSchema = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof dispositionSchema>;

/** The dispositions the search operation accepts as a filter (a narrower list than the verdicts). */
export const SEARCH_DISPOSITIONS = ["MALICIOUS", "SUSPICIOUS", "SPOOF", "SPAM", "BULK", "NONE"] as const;
export const searchDispositionSchema = z.enum(SEARCH_DISPOSITIONS);

/** Dispositions a message can be reclassified to. */
export const RECLASSIFY_DISPOSITIONS = ["NONE", "BULK", "MALICIOUS", "SPAM", "SPOOF", "SUSPICIOUS"] as const;
export const reclassifyDispositionSchema = z.enum(RECLASSIFY_DISPOSITIONS);

export const DELIVERY_STATUSES = [
  "delivered",
  "moved",
  "quarantined",
  "rejected",
  "deferred",
  "bounced",
  "queued",
  "move_failed",
] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const MESSAGE_ACTIONS = ["PREVIEW", "QUARANTINE_RELEASED", "MOVED"] as const;
export const messageActionSchema = z.enum(MESSAGE_ACTIONS);

export const DESTINATIONS = [
  "Inbox",
  "JunkEmail",
  "DeletedItems",
  "RecoverableItemsDeletions",
  "RecoverableItemsPurges",
] as const;
export const destinationSchema = z.enum(DESTINATIONS);
export type Destination = z.infer<typeof destinationSchema>;

export const BULK_ACTIONS = ["MOVE", "RELEASE"] as const;
export const bulkActionSchema = z.enum(BULK_ACTIONS);
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const JOB_STATUSES = ["PENDING", "DISCOVERING", "PROCESSING", "COMPLETED", "FAILED", "CANCELLED"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ["PENDING", "DISCOVERING", "PROCESSING"];

export const JOB_MESSAGE_STATUSES = ["PENDING", "PROCESSING", "COMPLETED", "FAILED", "CANCELLED", "SKIPPED"] as const;
export const jobMessageStatusSchema = z.enum(JOB_MESSAGE_STATUSES);
