"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { usePermission } from "@/components/auth/current-user";
import { ErrorState } from "@/components/ui/error-state";
import { SimpleTable, cellClass } from "@/components/ui/simple-table";
import { describeScope } from "@/lib/approvals/describe";
import { useApprovals } from "@/lib/queries/approvals";
import { describeJob } from "./approval-status";
import { TimeText } from "@/components/ui/time-text";
import { revealHidden } from "@/lib/text/reveal";

/** The /bulk dashboard's list of jobs waiting for a second admin; admins only. */
export function PendingApprovals() {
  const admin = usePermission("admin");
  const pending = useApprovals("pending", { enabled: admin.allowed });
  if (!admin.allowed) return null;
  return (
    <section aria-labelledby="pending-approvals-heading" className="mb-3 flex flex-col gap-1 rounded border border-amber-300 bg-amber-50/60 p-2">
      <h2 id="pending-approvals-heading" className="text-sm font-semibold">
        Waiting for a second admin{pending.data ? ` (${pending.data.length})` : ""}
      </h2>
      {pending.isError ? (
        <ErrorState title="Could not load the approval requests" message={pending.error.message} onRetry={() => void pending.refetch()} retrying={pending.isFetching} />
      ) : pending.isPending ? (
        <p className="text-[12px] text-zinc-600">Loading…</p>
      ) : pending.data.length === 0 ? (
        <p className="text-[12px] text-zinc-600">Nothing is waiting for approval.</p>
      ) : (
        <SimpleTable label="Pending approval requests" headers={["Action", "What", "Requested by", "Requested", "Expires", ""]}>
          {pending.data.map((r) => (
            <tr key={r.id}>
              <td className={cellClass}>{describeJob(r.body)}</td>
              <td className={`${cellClass} break-words`}>
                <Revealed text={describeScope(r.body)} fallback="no filters" />
              </td>
              <td className={cellClass}>
                <Revealed text={r.requested_by} />
              </td>
              <td className={cellClass}>
                <TimeText iso={r.created_at} />
              </td>
              <td className={cellClass}>
                <TimeText iso={r.expires_at} />
              </td>
              <td className={cellClass}>
                <Link href={`/approvals/${encodeURIComponent(r.id)}`} className="text-blue-800 underline" aria-label={`Review the request from ${revealHidden(r.requested_by)}: ${describeJob(r.body)}`}>
                  Review
                </Link>
              </td>
            </tr>
          ))}
        </SimpleTable>
      )}
    </section>
  );
}
