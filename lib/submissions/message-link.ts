import type { Submission } from "./types";

// Client-safe. A submission names its message by postfix id and subject, not by investigate id,
// and Investigate cannot be searched by postfix id. The console finds the message the way an
// analyst would: its subject, in the days before the submission, verdict or not. (Investigate's
// search has no exact-subject filter; the subject filter may also find replies and forwards.)

/** How far before a submission its message is looked for: users report within days. */
export const LOOKBACK_MS = 7 * 24 * 3_600_000;

/** A link to the message search that finds the submitted message, or null when there is nothing to search by. */
export function messageSearchHref(s: Pick<Submission, "subject" | "requested_at">): string | null {
  const subject = s.subject?.trim();
  const at = Date.parse(s.requested_at);
  if (!subject || Number.isNaN(at) || /[\u0000-\u001f\u007f]/.test(subject) || subject.length > 1000) return null;
  const params = new URLSearchParams({
    subject,
    start: new Date(at - LOOKBACK_MS).toISOString(),
    end: new Date(at).toISOString(),
    detections_only: "false",
  });
  return `/messages?${params.toString()}`;
}
