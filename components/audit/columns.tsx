"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { AuditOutcomeBadge } from "./outcome-badge";
import { createDataColumnHelper, type DataTableColumns } from "@/components/ui/data-table";
import { describeAccessEvent } from "@/lib/audit/describe";
import type { AuditEvent, AuditOutcome } from "@/lib/audit/types";
import { TimeText } from "@/components/ui/time-text";

const column = createDataColumnHelper<AuditEvent>();

export const auditColumns: DataTableColumns<AuditEvent> = [
  column.accessor("started_at", {
    header: "Time",
    meta: { label: "Time" },
    cell: (info) => <TimeText iso={info.getValue()} />,
  }),
  column.accessor("email", {
    header: "User",
    meta: { label: "User" },
    cell: (info) => (
      <span>
        <Revealed text={info.getValue()} /> <span className="text-zinc-500">({info.row.original.role})</span>
      </span>
    ),
  }),
  column.accessor("operation", { header: "Operation", meta: { label: "Operation" } }),
  column.display({
    id: "target",
    header: "Target",
    meta: { label: "Target" },
    cell: ({ row }) => {
      const e = row.original;
      if (e.job_id) return <Link className="text-blue-700 underline" href={`/bulk/${e.job_id}`}>job {e.job_id.slice(0, 8)}</Link>;
      const [first, ...rest] = e.message_ids;
      if (!first) return <span className="text-zinc-500">
            <Revealed text={describeAccessEvent(e)} fallback="—" />
          </span>;
      return (
        <span>
          <Link className="text-blue-700 underline" href={`/messages/${encodeURIComponent(first)}`}>
            <Revealed text={first} />
          </Link>
          {rest.length > 0 ? <span className="text-zinc-500"> +{rest.length} more</span> : null}
        </span>
      );
    },
  }),
  column.accessor("destination", { header: "Destination", meta: { label: "Destination" }, cell: (i) => <Revealed text={i.getValue()} fallback="—" /> }),
  column.accessor("outcome", {
    header: "Outcome",
    meta: { label: "Outcome" },
    cell: (info) => <AuditOutcomeBadge outcome={info.getValue() as AuditOutcome} />,
  }),
  column.accessor("upstream_status", { header: "HTTP", meta: { label: "HTTP status" }, cell: (i) => i.getValue() ?? "—" }),
  column.accessor("ip", { header: "From", meta: { label: "IP address" }, cell: (i) => <Revealed text={i.getValue()} fallback="—" /> }),
];
