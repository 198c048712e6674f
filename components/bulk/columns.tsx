"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { createDataColumnHelper, type DataTableColumns } from "@/components/ui/data-table";
import { withoutApprovalMark } from "@/lib/approvals/mark";
import { describeAction, formatDuration, jobDurationMs } from "@/lib/bulk/progress";
import type { BulkJob } from "@/lib/cloudflare/types";
import { DateTime, JobProgressBar, JobStatusBadge } from "./job-status";
import { revealHidden } from "@/lib/text/reveal";

const helper = createDataColumnHelper<BulkJob>();

/** The dashboard's columns. `now` is when the page was fetched: a running job's duration counts to it. */
export function jobColumns({ now }: { now: number }): DataTableColumns<BulkJob> {
  return helper.columns([
    helper.accessor((j) => describeAction(j), {
      id: "action",
      header: "Action",
      meta: { label: "Action" },
      enableSorting: false,
      cell: ({ row, getValue }) => (
        <div className="flex flex-col">
          <Link href={`/bulk/${encodeURIComponent(row.original.job_id)}`} className="font-medium whitespace-nowrap text-blue-800 underline decoration-blue-300 underline-offset-2 hover:decoration-solid">
            {getValue()}
          </Link>
          <span className="font-mono text-[10px] text-zinc-500" title={row.original.job_id}>
            {row.original.job_id.slice(0, 8)}
          </span>
        </div>
      ),
    }),
    helper.accessor((j) => j.status, {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      enableSorting: false,
      cell: ({ getValue }) => <JobStatusBadge status={getValue()} />,
    }),
    helper.display({
      id: "progress",
      header: "Progress",
      meta: { label: "Progress", cellClassName: "min-w-56" },
      enableSorting: false,
      cell: ({ row }) => <JobProgressBar job={row.original} name={`Progress of ${describeAction(row.original)} job ${row.original.job_id.slice(0, 8)}`} />,
    }),
    helper.accessor((j) => j.created_at, {
      id: "created",
      header: "Created",
      meta: { label: "Created" },
      enableSorting: false,
      cell: ({ getValue }) => <DateTime iso={getValue()} />,
    }),
    helper.accessor((j) => j.started_at ?? "", {
      id: "started",
      header: "Started",
      meta: { label: "Started" },
      enableSorting: false,
      cell: ({ row }) => <DateTime iso={row.original.started_at} />,
    }),
    helper.accessor((j) => j.completed_at ?? "", {
      id: "completed",
      header: "Completed",
      meta: { label: "Completed" },
      enableSorting: false,
      cell: ({ row }) => <DateTime iso={row.original.completed_at} />,
    }),
    helper.display({
      id: "duration",
      header: "Duration",
      meta: { label: "Duration", cellClassName: "whitespace-nowrap tabular-nums" },
      enableSorting: false,
      cell: ({ row }) => formatDuration(jobDurationMs(row.original, now)),
    }),
    helper.accessor((j) => withoutApprovalMark(j.comment) ?? "", {
      id: "comment",
      header: "Comment",
      meta: { label: "Comment", cellClassName: "max-w-64" },
      enableSorting: false,
      // A text node (React escapes it, so markup in a comment stays inert), hidden characters shown.
      cell: ({ getValue }) =>
        getValue() ? (
          <span className="line-clamp-2 break-words" title={revealHidden(getValue())}>
            <Revealed text={getValue()} />
          </span>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
    }),
  ]);
}
