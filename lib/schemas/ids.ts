import { z } from "zod";

/**
 * Investigate ids are opaque: the description sets no pattern, and real ones carry colons, dots
 * and plus signs (`4Njp3P0STMz2c02Q-2024-01-05T10:00:00-12345678`, `a1.b2+c3`). We accept what the
 * SDK can put in a path segment unchanged (RFC 3986 unreserved characters, `+`, `=`, `:`, `@`),
 * starting with a letter or digit so `.` and `..` can never be a segment. Slashes, backslashes,
 * percent signs, `?`/`#`, whitespace and control characters are refused before anything goes upstream.
 */
export const MAX_INVESTIGATE_ID_LENGTH = 256;
export const INVESTIGATE_ID_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._~+=:@-]{0,${MAX_INVESTIGATE_ID_LENGTH - 1}}$`);

export const investigateIdSchema = z
  .string()
  .regex(
    INVESTIGATE_ID_PATTERN,
    `Message id must be 1–${MAX_INVESTIGATE_ID_LENGTH} letters, digits or . _ ~ + = : @ -, starting with a letter or digit`,
  );

export const jobIdSchema = z.uuid({ message: "Bulk job id must be a UUID" });

/** Ids sent in one move or release request; Cloudflare processes them synchronously. */
export const MAX_IDS_PER_REQUEST = 100;

export const investigateIdListSchema = z
  .array(investigateIdSchema)
  .min(1, "Give at least one message id")
  .max(MAX_IDS_PER_REQUEST, `At most ${MAX_IDS_PER_REQUEST} message ids per request`)
  .refine((ids) => new Set(ids).size === ids.length, "Message ids must not repeat");
