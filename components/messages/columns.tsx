"use client";

import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { createDataColumnHelper, type DataTableColumns } from "@/components/ui/data-table";
import { revealHidden } from "@/lib/messages/display-text";
import { TimeText } from "@/components/ui/time-text";
import type { Message } from "@/lib/cloudflare/types";
import { authSummary, dispositionTone, receivedAt, receivedAtMs, recipientsOf, senderAddress, senderDomain, type AuthVerdict } from "@/lib/messages/message-view";
import { pivotFilters, type PivotKind } from "@/lib/messages/pivots";

const helper = createDataColumnHelper<Message>();

/** Column ids: stable, because they are stored (visibility) and shared (`sort=` in links). */
export const MESSAGE_COLUMN_IDS = [
  "select",
  "received",
  "from",
  "to",
  "subject",
  "disposition",
  "delivery",
  "threats",
  "auth",
  "alert_id",
] as const;

const pivotClass =
  "rounded px-0.5 text-left text-blue-800 underline decoration-blue-300 decoration-dotted underline-offset-2 hover:bg-blue-50 hover:decoration-solid";

const AUTH_MARK: Record<AuthVerdict, { mark: string; className: string }> = {
  pass: { mark: "✓", className: "text-emerald-700" },
  fail: { mark: "✗", className: "text-red-700 font-bold" },
  error: { mark: "!", className: "text-red-700 font-bold" },
  neutral: { mark: "~", className: "text-zinc-500" },
  none: { mark: "–", className: "text-zinc-400" },
  unknown: { mark: "?", className: "text-zinc-400" },
};

function AuthCell({ message }: { message: Message }) {
  const summary = authSummary(message.validation);
  return (
    <span className="inline-flex gap-1.5 font-mono text-[11px] whitespace-nowrap" title={summary.text}>
      <span className="sr-only">{summary.text}</span>
      {(["spf", "dkim", "dmarc"] as const).map((k) => {
        const { mark, className } = AUTH_MARK[summary[k]];
        return (
          <span key={k} aria-hidden="true">
            <span className="text-zinc-500">{k === "spf" ? "S" : k === "dkim" ? "K" : "M"}</span>
            <span className={className}>{mark}</span>
          </span>
        );
      })}
    </span>
  );
}

export function messageColumns({
  onPivot,
  hrefFor,
  onOpen,
}: {
  onPivot: (kind: PivotKind, message: Message) => void;
  /** The message page's link for a row: what a new tab, a copied link or a middle-click opens. */
  hrefFor: (id: string) => string;
  /** A plain click: the list opens the message itself (remembering where the analyst was). */
  onOpen: (id: string) => void;
}): DataTableColumns<Message> {
  return helper.columns([
    helper.display({
      id: "select",
      meta: { label: "Selection", headerClassName: "w-8", cellClassName: "w-8" },
      enableSorting: false,
      enableHiding: false,
      header: ({ table }) => (
        <Checkbox
          aria-label="Select all messages on this page"
          checked={table.getIsAllPageRowsSelected()}
          indeterminate={table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <Checkbox aria-label="Select message" checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
      ),
    }),
    helper.accessor((m) => receivedAtMs(m) ?? undefined, {
      id: "received",
      header: "Received",
      meta: { label: "Received", cellClassName: "whitespace-nowrap tabular-nums" },
      sortFn: "basic",
      sortUndefined: "last",
      cell: ({ row }) => {
        const iso = receivedAt(row.original);
        return iso ? (
          <TimeText iso={iso} />
        ) : (
          <span className="text-zinc-400">—</span>
        );
      },
    }),
    helper.accessor((m) => `${m.from_name ?? ""} ${senderAddress(m) ?? m.from ?? ""}`.trim().toLowerCase(), {
      id: "from",
      header: "From",
      meta: { label: "From", cellClassName: "max-w-56" },
      sortFn: "text",
      cell: ({ row }) => {
        const m = row.original;
        const address = senderAddress(m);
        const domain = senderDomain(m);
        return (
          <div className="flex min-w-0 flex-col">
            {m.from_name ? (
              <span className="truncate font-medium" title={revealHidden(m.from_name)}>
                {revealHidden(m.from_name)}
              </span>
            ) : null}
            <span className="flex min-w-0 items-baseline gap-1 text-zinc-600">
              {address ? (
                <button
                  type="button"
                  className={`truncate ${pivotClass}`}
                  title={`Show messages from ${address}`}
                  aria-label={`Filter by sender ${address}`}
                  onClick={() => onPivot("sender", m)}
                >
                  {address}
                </button>
              ) : (
                <span className="truncate">{m.from ?? "—"}</span>
              )}
              {domain ? (
                <button
                  type="button"
                  className={`shrink-0 text-[11px] ${pivotClass}`}
                  title={`Show messages involving ${domain}`}
                  aria-label={`Filter by domain ${domain}`}
                  onClick={() => onPivot("domain", m)}
                >
                  domain
                </button>
              ) : null}
            </span>
          </div>
        );
      },
    }),
    helper.accessor((m) => recipientsOf(m).join(", ").toLowerCase(), {
      id: "to",
      header: "To",
      meta: { label: "To", cellClassName: "max-w-48" },
      sortFn: "text",
      cell: ({ row }) => {
        const to = recipientsOf(row.original);
        if (to.length === 0) return <span className="text-zinc-400">—</span>;
        return (
          <span className="block truncate text-zinc-700" title={to.join(", ")}>
            {to[0]}
            {to.length > 1 ? <span className="text-zinc-500"> +{to.length - 1}</span> : null}
          </span>
        );
      },
    }),
    helper.accessor((m) => m.subject ?? "", {
      id: "subject",
      header: "Subject",
      meta: { label: "Subject", cellClassName: "max-w-[28rem]" },
      sortFn: "text",
      cell: ({ row }) => {
        const m = row.original;
        return (
          <div className="flex min-w-0 items-baseline gap-2">
            {/* A text node (React escapes it, so markup stays inert), with hidden characters shown. */}
            <a
              href={hrefFor(m.id)}
              className="truncate text-zinc-900 hover:underline focus-visible:underline"
              title={m.subject ? revealHidden(m.subject) : undefined}
              onClick={(event) => {
                // Modified and middle clicks are the browser's (new tab, new window, download).
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                onOpen(m.id);
              }}
            >
              {m.subject ? revealHidden(m.subject) : <span className="text-zinc-500 italic">(no subject)</span>}
            </a>
            {pivotFilters("campaign", m) ? (
              <button
                type="button"
                className={`shrink-0 text-[11px] ${pivotClass}`}
                title="Show other messages of this campaign (same sending domain and subject)"
                aria-label="Show same campaign"
                onClick={() => onPivot("campaign", m)}
              >
                campaign
              </button>
            ) : null}
          </div>
        );
      },
    }),
    helper.accessor((m) => m.final_disposition ?? "", {
      id: "disposition",
      header: "Disposition",
      meta: { label: "Disposition" },
      sortFn: "alphanumeric",
      cell: ({ row }) => {
        const d = row.original.final_disposition;
        return d ? <Badge tone={dispositionTone(d)}>{d}</Badge> : <span className="text-zinc-400">—</span>;
      },
    }),
    helper.accessor((m) => (m.delivery_status ?? []).join(", "), {
      id: "delivery",
      header: "Delivery",
      meta: { label: "Delivery status", cellClassName: "whitespace-nowrap" },
      sortFn: "alphanumeric",
      cell: ({ row }) => {
        const statuses = row.original.delivery_status ?? [];
        if (statuses.length === 0) return <span className="text-zinc-400">—</span>;
        return (
          <span className="flex flex-wrap gap-1">
            {statuses.map((s) => (
              <Badge key={s} tone={s === "quarantined" || s === "move_failed" ? "warning" : s === "moved" ? "info" : "neutral"}>
                {s}
              </Badge>
            ))}
          </span>
        );
      },
    }),
    helper.accessor((m) => (m.threat_categories ?? []).join(", "), {
      id: "threats",
      header: "Threats",
      meta: { label: "Threat categories", cellClassName: "max-w-40" },
      sortFn: "alphanumeric",
      cell: ({ getValue }) => {
        const v = getValue();
        return v ? <span className="block truncate text-zinc-700" title={v}>{v}</span> : <span className="text-zinc-400">—</span>;
      },
    }),
    helper.accessor((m) => authSummary(m.validation).overall, {
      id: "auth",
      header: "Auth",
      meta: { label: "SPF/DKIM/DMARC" },
      sortFn: "alphanumeric",
      cell: ({ row }) => <AuthCell message={row.original} />,
    }),
    helper.accessor((m) => m.alert_id ?? "", {
      id: "alert_id",
      header: "Alert id",
      meta: { label: "Alert id", cellClassName: "font-mono text-[11px] text-zinc-600 whitespace-nowrap" },
      sortFn: "alphanumeric",
      cell: ({ getValue }) => getValue() || <span className="text-zinc-400">—</span>,
    }),
  ]);
}
