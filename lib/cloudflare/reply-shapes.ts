import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";

// The SDK types what Cloudflare *should* send; these checks catch what it actually sent when
// that is something else, so the analyst sees "could not read" rather than a broken page.

const withId = z.looseObject({ id: z.string() });
const job = z.looseObject({ job_id: z.string(), status: z.string() });

export const replyShapes = {
  messages: z.array(withId),
  message: withId,
  detections: z.looseObject({}),
  trace: z.looseObject({}),
  preview: z.looseObject({ screenshot: z.string() }),
  raw: z.looseObject({ raw: z.string() }),
  actionLog: z.array(z.looseObject({ completed_at: z.string().optional(), operation: z.string() })),
  moveResults: z.array(z.looseObject({ success: z.boolean() })),
  releaseResults: z.array(withId),
  job,
  jobs: z.array(job),
  deleted: z.looseObject({ id: z.string() }),
  jobMessages: z.array(z.looseObject({ status: z.string() })),
} as const;

export function ensureShape<T>(schema: z.ZodType, value: T): T {
  if (!schema.safeParse(value).success) {
    throw new AppError("upstream_bad_response", "Cloudflare sent a reply the console could not read. Try again.");
  }
  return value;
}
