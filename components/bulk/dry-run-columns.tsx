"use client";

import { Revealed } from "@/components/ui/revealed";
import { DispositionBadge } from "@/components/ui/badge";
import { createDataColumnHelper, type DataTableColumns } from "@/components/ui/data-table";
import { isDangerousDisposition } from "@/lib/bulk/validate";
import type { Message } from "@/lib/cloudflare/types";
import { receivedAt, recipientsOf, senderAddress } from "@/lib/messages/message-view";
import { DateTime } from "./job-status";

const helper = createDataColumnHelper<Message>();

/** The dry run's columns: enough to recognise what the job would touch, no actions. */
export function dryRunColumns(): DataTableColumns<Message> {
  return helper.columns([
    helper.accessor((m) => receivedAt(m) ?? "", {
      id: "received",
      header: "Received",
      meta: { label: "Received" },
      enableSorting: false,
      cell: ({ getValue }) => <DateTime iso={getValue() || null} />,
    }),
    helper.accessor((m) => senderAddress(m) ?? m.from ?? "", {
      id: "from",
      header: "From",
      meta: { label: "From", cellClassName: "max-w-56 truncate" },
      enableSorting: false,
      cell: ({ getValue }) => <Revealed text={getValue()} fallback={<span className="text-zinc-400">—</span>} />,
    }),
    helper.accessor((m) => recipientsOf(m).join(", "), {
      id: "to",
      header: "To",
      meta: { label: "To", cellClassName: "max-w-48 truncate" },
      enableSorting: false,
      cell: ({ getValue }) => <Revealed text={getValue()} fallback={<span className="text-zinc-400">—</span>} />,
    }),
    helper.accessor((m) => m.subject ?? "", {
      id: "subject",
      header: "Subject",
      meta: { label: "Subject", cellClassName: "max-w-[28rem] truncate" },
      enableSorting: false,
      cell: ({ getValue }) => <Revealed text={getValue()} fallback={<span className="text-zinc-400 italic">(no subject)</span>} />,
    }),
    helper.accessor((m) => m.final_disposition ?? "", {
      id: "disposition",
      header: "Disposition",
      meta: { label: "Disposition" },
      enableSorting: false,
      cell: ({ getValue }) => {
        const d = getValue();
        if (!d) return <span className="text-zinc-400">—</span>;
        return <DispositionBadge disposition={d} title={isDangerousDisposition(d) ? "Releasing this message delivers a known threat" : undefined} />;
      },
    }),
    helper.accessor((m) => (m.delivery_status ?? []).join(", "), {
      id: "delivery",
      header: "Delivery",
      meta: { label: "Delivery status", cellClassName: "whitespace-nowrap" },
      enableSorting: false,
      cell: ({ getValue }) => <Revealed text={getValue()} fallback={<span className="text-zinc-400">—</span>} />,
    }),
  ]);
}
