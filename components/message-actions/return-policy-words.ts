// Words the release and move dialogs share for the release policy (lib/approvals/release-policy.ts).
import type { ReturnPreview } from "@/lib/approvals/release-preview";
import { isDangerousDisposition } from "@/lib/bulk/validate";
import type { ActionOutcome } from "@/lib/messages/action-outcomes";

/** The selection bar's release note, with how many need a second admin: "3 can be released (2 need a second admin)". */
export function releaseNote(canSay: string, eligible: readonly { final_disposition?: string | null }[]): string {
  const threats = eligible.filter((m) => isDangerousDisposition(m.final_disposition)).length;
  return threats > 0 ? `${canSay} · ${threats} of these need${threats === 1 ? "s" : ""} a second admin` : canSay;
}

/**
 * The confirm button says what the click does: the plain label when everything goes now, "Send
 * 12 for approval" when nothing does, "Release 3, send 12 for approval" in between.
 */
export function confirmLabel(plain: string, verb: "Release" | "Move", preview: ReturnPreview | undefined): string {
  if (!preview || preview.needApproval === 0) return plain;
  if (preview.now === 0) return preview.needApproval === 1 ? "Send for approval" : `Send ${preview.needApproval} for approval`;
  return `${verb} ${preview.now}, send ${preview.needApproval} for approval`;
}

/** " 12 sent for approval (a second admin decides)." after the outcome line; empty when none was held. */
export function heldSummary(outcomes: readonly ActionOutcome[]): string {
  const held = outcomes.filter((o) => o.approvalId).length;
  return held > 0 ? ` ${held} sent for approval: a second admin decides.` : "";
}
