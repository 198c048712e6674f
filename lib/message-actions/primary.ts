import { dispositionSeverity, severityRank } from "@/lib/severity";
import type { MessageActionKind } from "./eligibility";

/**
 * Which action a message page offers as its one filled button. The interface must never lean
 * toward the risky choice: releasing MALICIOUS, MALICIOUS-BEC or SPOOF mail delivers a known threat,
 * so for those Release stays an ordinary button (still there, still behind its dialog), and with
 * Move impossible too (the message is in quarantine) no button is filled at all.
 */
export function releaseMayLead(disposition: string | null | undefined): boolean {
  return severityRank(dispositionSeverity(disposition)) > severityRank("high");
}

export function primaryAction(m: {
  disposition: string | null | undefined;
  moveOk: boolean;
  releaseOk: boolean;
}): MessageActionKind | null {
  if (m.releaseOk) return releaseMayLead(m.disposition) ? "release" : m.moveOk ? "move" : null;
  return m.moveOk ? "move" : null;
}
