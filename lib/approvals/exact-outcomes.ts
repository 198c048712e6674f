import { moveOutcomes, releaseOutcomes, type MoveResultItem, type ReleaseResultItem } from "@/lib/messages/action-outcomes";
import type { ApprovalSampleRow } from "./types";

/** The request's rows, each with what Cloudflare answered for it when the approval was carried out. */
export function exactOutcomes(
  sample: readonly ApprovalSampleRow[],
  ids: readonly string[],
  answer: { release: readonly ReleaseResultItem[] } | { move: readonly MoveResultItem[] },
): ApprovalSampleRow[] {
  const outcomes = "release" in answer ? releaseOutcomes(ids, answer.release) : moveOutcomes(ids, "Inbox", answer.move);
  const byId = new Map(sample.map((row) => [row.id, row]));
  return outcomes.map(({ id, ok, detail }) => ({
    ...(byId.get(id) ?? { id, from: null, to: null, subject: null, final_disposition: null, received_at: null }),
    outcome: { ok, detail },
  }));
}
