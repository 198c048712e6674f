import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AuditOutcome } from "@/lib/audit/types";

const OUTCOME_TONE: Record<AuditOutcome, BadgeTone> = {
  pending: "warning",
  succeeded: "success",
  partial: "warning",
  failed: "danger",
};

/** How a recorded action ended; the word is always shown, the colour only supports it. */
export function AuditOutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return <Badge tone={OUTCOME_TONE[outcome] ?? "neutral"}>{outcome}</Badge>;
}
