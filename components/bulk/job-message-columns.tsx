"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { createDataColumnHelper, type DataTableColumns } from "@/components/ui/data-table";
import { jobMessageLink } from "@/lib/bulk/job-messages";
import { revealHidden } from "@/lib/text/reveal";
import type { BulkJobMessage } from "@/lib/cloudflare/types";
import { DateTime, JobMessageStatusBadge } from "./job-status";

const helper = createDataColumnHelper<BulkJobMessage>();

/** The columns of one job's messages table. */
export function jobMessageColumns(): DataTableColumns<BulkJobMessage> {
  return helper.columns([
    helper.accessor((m) => m.message?.id ?? m.postfix_id, {
      id: "message",
      header: "Message",
      meta: { label: "Message", cellClassName: "max-w-[26rem]" },
      enableSorting: false,
      cell: ({ row }) => {
        const link = jobMessageLink(row.original);
        const subject = row.original.message?.subject;
        const linkClass = "truncate font-mono text-[11px] text-blue-800 underline decoration-blue-300 underline-offset-2 hover:decoration-solid";
        return (
          <div className="flex min-w-0 flex-col">
            {link?.kind === "message" ? (
              <Link href={link.href} className={linkClass}>
                {link.id}
              </Link>
            ) : link?.kind === "search" ? (
              <Link href={link.href} className={linkClass} title="Cloudflare did not say which message this is; search for its postfix id">
                Search for {link.postfixId}
              </Link>
            ) : (
              <span className="text-zinc-400">—</span>
            )}
            {subject ? (
              <span className="truncate text-zinc-600" title={revealHidden(subject)}>
                <Revealed text={subject} />
              </span>
            ) : null}
          </div>
        );
      },
    }),
    helper.accessor((m) => m.action_params?.client_recipient ?? "", {
      id: "recipient",
      header: "Recipient",
      meta: { label: "Recipient", cellClassName: "max-w-48 truncate" },
      enableSorting: false,
      cell: ({ getValue }) => <Revealed text={getValue()} fallback={<span className="text-zinc-400">—</span>} />,
    }),
    helper.accessor((m) => m.status, {
      id: "status",
      header: "Status",
      meta: { label: "Status" },
      enableSorting: false,
      cell: ({ getValue }) => <JobMessageStatusBadge status={getValue()} />,
    }),
    helper.accessor((m) => m.retry_count ?? "—", {
      id: "retry_count",
      header: "Retries",
      meta: { label: "Retry count", cellClassName: "tabular-nums" },
      enableSorting: false,
    }),
    helper.accessor((m) => m.retry_after ?? "", {
      id: "retry_after",
      header: "Retry after",
      meta: { label: "Retry after" },
      enableSorting: false,
      cell: ({ row }) => <DateTime iso={row.original.retry_after} />,
    }),
    helper.accessor((m) => m.processed_at ?? "", {
      id: "processed_at",
      header: "Processed",
      meta: { label: "Processed" },
      enableSorting: false,
      cell: ({ row }) => <DateTime iso={row.original.processed_at} />,
    }),
    helper.accessor((m) => m.status_message ?? "", {
      id: "status_message",
      header: "Status message",
      meta: { label: "Status message", cellClassName: "max-w-80" },
      enableSorting: false,
      cell: ({ getValue }) => <Revealed text={getValue()} fallback={<span className="text-zinc-400">—</span>} />,
    }),
  ]);
}
