"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { createDataColumnHelper, type DataTableColumns } from "@/components/ui/data-table";
import type { AllowPolicy, PolicyEntry } from "@/lib/policies/types";
import { ALLOW_KIND_TEXT } from "./allow-kinds";
import { TimeText } from "@/components/ui/time-text";
import { revealHidden } from "@/lib/text/reveal";

const column = createDataColumnHelper<PolicyEntry>();

/** Cloudflare may send a blocked sender without its id: it is shown, but nothing can address it. */
const NO_ID_REASON = "Cloudflare sent this entry without its id, so it cannot be changed here; reload to try again";

export interface PolicyColumnOptions {
  allowList: boolean;
  /** Why the signed-in user may not change entries, or undefined when they may. */
  disabledReason?: string;
  onEdit: (entry: PolicyEntry) => void;
  onDelete: (entry: PolicyEntry) => void;
}

export function policyColumns({ allowList, disabledReason, onEdit, onDelete }: PolicyColumnOptions): DataTableColumns<PolicyEntry> {
  return [
    column.accessor("pattern", {
      header: "Pattern",
      meta: { label: "Pattern", cellClassName: "font-mono break-all" },
      cell: (info) => (
        <span>
          <Revealed text={info.getValue()} /> {info.row.original.is_regex ? <Badge tone="info">regex</Badge> : null}
        </span>
      ),
    }),
    column.accessor("pattern_type", { header: "Type", meta: { label: "Type" }, cell: (info) => <Revealed text={info.getValue()} /> }),
    ...(allowList
      ? [
          column.display({
            id: "kind",
            header: "Kind",
            meta: { label: "Kind" },
            cell: ({ row }) => {
              const p = row.original as AllowPolicy;
              return (
                <span>
                  {p.kind ? ALLOW_KIND_TEXT[p.kind].label : "—"}
                  {p.verify_sender ? <span className="block text-[11px] text-zinc-600">sender verified</span> : null}
                </span>
              );
            },
          }),
        ]
      : []),
    column.accessor("comments", {
      header: "Comment",
      meta: { label: "Comment", cellClassName: "max-w-96 break-words" },
      cell: (info) => <Revealed text={info.getValue()} fallback={<span className="text-zinc-500">—</span>} />,
    }),
    column.accessor("origin_message_id", {
      header: "Made from",
      meta: { label: "Made from" },
      cell: (info) => {
        const id = info.getValue();
        return id ? (
          <Link href={`/messages/${encodeURIComponent(id)}`} className="text-blue-800 underline">
            Open message
          </Link>
        ) : (
          <span className="text-zinc-500">—</span>
        );
      },
    }),
    column.accessor("created_at", {
      header: "Created",
      meta: { label: "Created" },
      cell: (info) => {
        const v = info.getValue();
        return v ? <TimeText iso={v} /> : "—";
      },
    }),
    column.display({
      id: "actions",
      header: "Actions",
      meta: { label: "Actions" },
      cell: ({ row }) => {
        const reason = disabledReason ?? (row.original.id ? undefined : NO_ID_REASON);
        return (
          <span className="flex gap-1">
            <Button className="h-6" disabled={Boolean(reason)} title={reason} aria-label={`Edit comment of ${revealHidden(row.original.pattern)}`} onClick={() => onEdit(row.original)}>
              Edit comment…
            </Button>
            <Button className="h-6" variant="danger" disabled={Boolean(reason)} title={reason} aria-label={`Delete ${revealHidden(row.original.pattern)}`} onClick={() => onDelete(row.original)}>
              Delete…
            </Button>
          </span>
        );
      },
    }),
  ];
}
