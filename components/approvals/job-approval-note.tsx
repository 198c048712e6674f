import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import type { ApprovalRequest } from "@/lib/approvals/types";
import { TimeText } from "@/components/ui/time-text";

/** On a job's page: who asked for it and who approved it, when it went through a second admin. */
export function JobApprovalNote({ approval }: { approval: ApprovalRequest }) {
  return (
    <section aria-label="Approval" className="mb-2 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-[13px] text-emerald-950">
      <p>
        Requested by{" "}
        <strong>
          <Revealed text={approval.requested_by} />
        </strong>{" "}
        on <TimeText iso={approval.created_at} />; approved by{" "}
        <strong>
          <Revealed text={approval.decided_by} fallback="—" />
        </strong>
        {approval.decided_at ? (
          <>
            {" "}
            on <TimeText iso={approval.decided_at} />
          </>
        ) : null}
        {approval.decision_reason ? (
          <>
            : “<Revealed text={approval.decision_reason} />”
          </>
        ) : null}
        .{" "}
        <Link href={`/approvals/${encodeURIComponent(approval.id)}`} className="text-blue-800 underline">
          The approval request
        </Link>
      </p>
    </section>
  );
}
