"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { DispositionBadge } from "@/components/ui/badge";
import { createDataColumnHelper, type DataTableColumns } from "@/components/ui/data-table";
import { messageSearchHref } from "@/lib/submissions/message-link";
import type { Submission } from "@/lib/submissions/types";
import { TimeText } from "@/components/ui/time-text";

const column = createDataColumnHelper<Submission>();

function Verdict({ value, title }: { value: string | null; title: string }) {
  if (!value) return <span className="text-zinc-500" title={title}>—</span>;
  return <DispositionBadge disposition={value} title={title} />;
}

export const submissionColumns: DataTableColumns<Submission> = [
  column.accessor("requested_at", {
    header: "Requested",
    meta: { label: "Requested" },
    cell: (info) => <TimeText iso={info.getValue()} />,
  }),
  column.accessor("type", { header: "Type", meta: { label: "Type" }, cell: (i) => <Revealed text={i.getValue()} fallback="—" /> }),
  column.accessor("subject", {
    header: "Subject",
    meta: { label: "Subject", cellClassName: "max-w-96 break-words" },
    cell: ({ row }) => {
      const s = row.original;
      const href = messageSearchHref(s);
      return (
        <span>
          <Revealed text={s.subject} fallback={<span className="text-zinc-500">(no subject)</span>} />
          {href ? (
            <Link href={href} className="ml-1 text-blue-800 underline" aria-label={`Find the message of submission ${s.submission_id}`}>
              Find message
            </Link>
          ) : null}
        </span>
      );
    },
  }),
  column.accessor("requested_by", { header: "By", meta: { label: "Requested by" }, cell: (i) => <Revealed text={i.getValue()} fallback="—" /> }),
  column.display({
    id: "verdicts",
    header: "Original → requested → outcome",
    meta: { label: "Dispositions" },
    cell: ({ row }) => {
      const s = row.original;
      const agreed = s.outcome_disposition !== null && s.outcome_disposition === s.requested_disposition;
      return (
        <span className="inline-flex flex-wrap items-center gap-1">
          <Verdict value={s.original_disposition} title="Original disposition" />
          <span aria-hidden="true">→</span>
          <Verdict value={s.requested_disposition} title="Requested disposition" />
          <span aria-hidden="true">→</span>
          <Verdict value={s.outcome_disposition} title="Outcome disposition" />
          {s.outcome_disposition ? <span className="text-[11px] text-zinc-600">{agreed ? "accepted" : "not accepted"}</span> : <span className="text-[11px] text-zinc-600">pending</span>}
        </span>
      );
    },
  }),
  // The review status is what the Status filter filters by; the processing status is shown under it.
  column.accessor("customer_status", {
    header: "Status",
    meta: { label: "Review status" },
    cell: ({ row }) => {
      const { customer_status: review, status: processing } = row.original;
      return (
        <span>
          <Revealed text={review} fallback="—" />
          {processing && processing !== review ? <span className="block text-[11px] text-zinc-600">processing: <Revealed text={processing} /></span> : null}
        </span>
      );
    },
  }),
  column.accessor("submission_id", { header: "Id", meta: { label: "Submission id", cellClassName: "font-mono text-[11px]" } }),
];
