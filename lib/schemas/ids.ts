import { z } from "zod";

/**
 * Investigate ids look like `4Njp3P0STMz2c02Q-2024-01-05T10:00:00-12345678`: letters, digits,
 * hyphens and colons. Anything else (slashes, dots, percent signs, whitespace) is refused before
 * it can be spliced into an upstream path.
 */
export const INVESTIGATE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,159}$/;

export const investigateIdSchema = z
  .string()
  .regex(INVESTIGATE_ID_PATTERN, "Message id must be 1–160 letters, digits, '-', '_' or ':'");

export const jobIdSchema = z.uuid({ message: "Bulk job id must be a UUID" });

/** Ids sent in one move or release request; Cloudflare processes them synchronously. */
export const MAX_IDS_PER_REQUEST = 100;

export const investigateIdListSchema = z
  .array(investigateIdSchema)
  .min(1, "Give at least one message id")
  .max(MAX_IDS_PER_REQUEST, `At most ${MAX_IDS_PER_REQUEST} message ids per request`)
  .refine((ids) => new Set(ids).size === ids.length, "Message ids must not repeat");
