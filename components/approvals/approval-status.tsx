import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApprovalStatus } from "@/lib/approvals/types";

const TONE: Record<ApprovalStatus, BadgeTone> = {
  pending: "warning",
  approving: "info",
  approved: "success",
  rejected: "danger",
  expired: "neutral",
};

const WORD: Record<ApprovalStatus, string> = {
  pending: "Pending approval",
  approving: "Being approved",
  approved: "Approved",
  rejected: "Rejected",
  expired: "Expired",
};

export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  return <Badge tone={TONE[status]}>{WORD[status]}</Badge>;
}

export { describeAction as describeJob } from "@/lib/approvals/describe";
