"use client";

import { Revealed } from "@/components/ui/revealed";
import { useCallback, type ReactNode } from "react";
import { DeliveryBadge, DispositionBadge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { createDataColumnHelper, type DataTableColumns, type RowGroup } from "@/components/ui/data-table";
import { TimeText, useTimeZone } from "@/components/ui/time-text";
import type { Message } from "@/lib/cloudflare/types";
import { addressParts, commonRecipientDomain, recipientLabel } from "@/lib/messages/display-text";
import { revealHidden } from "@/lib/text/reveal";
import { authSummary, receivedAt, receivedAtMs, recipientsOf, senderAddress, senderDomain, type AuthVerdict } from "@/lib/messages/message-view";
import { pivotFilters, type PivotKind } from "@/lib/messages/pivots";
import { dayKey } from "@/lib/time/format";

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

/**
 * A secondary pivot ("domain", "campaign"): shown while the row is hovered or holds focus, so 200
 * rows do not repeat it, and still in the tab order (focus inside the row reveals it).
 */
const revealedPivotClass = `absolute top-1/2 right-0 -translate-y-1/2 bg-white text-[11px] opacity-0 shadow-[-6px_0_6px_var(--color-white)] group-hover:opacity-100 group-focus-within:opacity-100 ${pivotClass}`;

const AUTH_MARK: Record<AuthVerdict, { mark: string; className: string }> = {
  pass: { mark: "✓", className: "text-emerald-700" },
  fail: { mark: "✗", className: "text-red-700 font-bold" },
  error: { mark: "!", className: "text-red-700 font-bold" },
  neutral: { mark: "~", className: "text-zinc-500" },
  none: { mark: "–", className: "text-zinc-500" },
  unknown: { mark: "?", className: "text-zinc-500" },
};

const none = <span className="text-zinc-500">—</span>;

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

/** An address cut in its local part only, the registrable domain emphasised. */
export function AddressText({ address }: { address: string }) {
  const parts = addressParts(address);
  if (!parts) return <span className="truncate">
        <Revealed text={address} />
      </span>;
  return (
    <span className="flex min-w-0">
      <span className="min-w-[2ch] truncate">
        <Revealed text={parts.local} />
      </span>
      <span className="shrink-0">@</span>
      {/* Subdomains give way before the local part's last letters; the registrable domain never does. */}
      {parts.subdomain ? (
        <span className="shrink-[4] truncate">
          <Revealed text={parts.subdomain} />
        </span>
      ) : null}
      <span className="shrink-0 font-semibold text-zinc-900">
        <Revealed text={parts.registrable} />
      </span>
    </span>
  );
}

// The page's own recipient domain, worked out once per loaded page (the data array is replaced,
// never mutated, when the page changes).
const ownDomainOfPage = new WeakMap<readonly Message[], string | null>();
function ownDomainOf(messages: readonly Message[]): string | null {
  let domain = ownDomainOfPage.get(messages);
  if (domain === undefined) {
    domain = commonRecipientDomain(messages.map(recipientsOf));
    ownDomainOfPage.set(messages, domain);
  }
  return domain;
}

/**
 * Day separators for the list: times in rows are "13:27 CET", the day they fall on is said once
 * above them, in the zone the analyst reads times in.
 */
export function useMessageDayGroups(): (m: Message) => RowGroup | null {
  const zone = useTimeZone();
  return useCallback(
    (m: Message) => {
      const iso = receivedAt(m);
      const key = iso ? dayKey(iso, zone) : undefined;
      return iso && key ? { key, label: <TimeText iso={iso} style="date" className="font-semibold" /> } : null;
    },
    [zone],
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
  const pivotButton = (kind: PivotKind, m: Message, label: string, title: string, text: ReactNode) => (
    <button type="button" className={revealedPivotClass} title={title} aria-label={label} onClick={() => onPivot(kind, m)}>
      {text}
    </button>
  );
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
      meta: { label: "Received", headerClassName: "w-24", cellClassName: "tabular-nums" },
      sortFn: "basic",
      sortUndefined: "last",
      cell: ({ row }) => {
        const iso = receivedAt(row.original);
        // The day is in the separator above; the full date and UTC are on hover.
        return iso ? <TimeText iso={iso} style="time" /> : none;
      },
    }),
    helper.accessor((m) => `${m.from_name ?? ""} ${senderAddress(m) ?? m.from ?? ""}`.trim().toLowerCase(), {
      id: "from",
      header: "From",
      meta: { label: "From", headerClassName: "w-[18rem]" },
      sortFn: "text",
      cell: ({ row }) => {
        const m = row.original;
        const address = senderAddress(m);
        const domain = senderDomain(m);
        const name = m.from_name ? revealHidden(m.from_name) : null;
        return (
          <div className="relative flex min-w-0 items-baseline gap-1.5">
            {name ? (
              // The name gives way first (it shrinks ten times faster): the address's domain is what must stay readable.
              <span className="max-w-[45%] min-w-[3ch] shrink-[10] truncate font-medium" title={name}>
                <Revealed text={m.from_name} />
              </span>
            ) : null}
            {address ? (
              <button
                type="button"
                className={`flex min-w-0 text-zinc-700 ${pivotClass}`}
                title={`${name ? `${name} <${revealHidden(address)}>` : revealHidden(address)} — show messages from this sender`}
                aria-label={`Filter by sender ${revealHidden(address)}`}
                onClick={() => onPivot("sender", m)}
              >
                <AddressText address={address} />
              </button>
            ) : (
              <span className="truncate text-zinc-700" title={m.from ? revealHidden(m.from) : undefined}>
                <Revealed text={m.from} fallback="—" />
              </span>
            )}
            {domain ? pivotButton("domain", m, `Filter by domain ${domain}`, `Show messages involving ${domain}`, "domain") : null}
          </div>
        );
      },
    }),
    helper.accessor((m) => recipientsOf(m).join(", ").toLowerCase(), {
      id: "to",
      header: "To",
      meta: { label: "To", headerClassName: "w-28" },
      sortFn: "text",
      cell: ({ row, table }) => {
        const to = recipientsOf(row.original);
        if (to.length === 0) return none;
        const own = ownDomainOf(table.options.data);
        const first = to[0] ?? "";
        return (
          <span className="flex min-w-0 text-zinc-700" title={revealHidden(to.join(", "))}>
            {recipientLabel(first, own) === first ? (
              <AddressText address={first} />
            ) : (
              <span className="truncate">
                <Revealed text={recipientLabel(first, own)} />
              </span>
            )}
            {to.length > 1 ? <span className="shrink-0 pl-1 text-zinc-500">+{to.length - 1}</span> : null}
          </span>
        );
      },
    }),
    helper.accessor((m) => m.subject ?? "", {
      id: "subject",
      header: "Subject",
      meta: { label: "Subject" },
      sortFn: "text",
      cell: ({ row }) => {
        const m = row.original;
        return (
          <div className="relative flex min-w-0">
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
              <Revealed text={m.subject} fallback={<span className="text-zinc-500 italic">(no subject)</span>} />
            </a>
            {pivotFilters("campaign", m)
              ? pivotButton("campaign", m, "Show same campaign", "Show other messages of this campaign (same sending domain and subject)", "campaign")
              : null}
          </div>
        );
      },
    }),
    helper.accessor((m) => m.final_disposition ?? "", {
      id: "disposition",
      header: "Disposition",
      meta: { label: "Disposition", headerClassName: "w-29" },
      sortFn: "alphanumeric",
      cell: ({ row }) => {
        const d = row.original.final_disposition;
        return d ? <DispositionBadge disposition={d} /> : none;
      },
    }),
    helper.accessor((m) => (m.delivery_status ?? []).join(", "), {
      id: "delivery",
      header: "Delivery",
      meta: { label: "Delivery status", headerClassName: "w-26" },
      sortFn: "alphanumeric",
      cell: ({ row }) => {
        const statuses = row.original.delivery_status ?? [];
        if (statuses.length === 0) return none;
        return (
          <span className="flex gap-1" title={statuses.length > 1 ? statuses.join(", ") : undefined}>
            {statuses.map((s) => (
              <DeliveryBadge key={s} status={s} disposition={row.original.final_disposition} />
            ))}
          </span>
        );
      },
    }),
    helper.accessor((m) => (m.threat_categories ?? []).join(", "), {
      id: "threats",
      header: "Threats",
      meta: { label: "Threat categories", headerClassName: "w-28" },
      sortFn: "alphanumeric",
      cell: ({ getValue }) => {
        const v = getValue();
        return v ? (
          <span className="block truncate text-zinc-700" title={revealHidden(v)}>
            <Revealed text={v} />
          </span>
        ) : (
          none
        );
      },
    }),
    helper.accessor((m) => authSummary(m.validation).overall, {
      id: "auth",
      header: "Auth",
      meta: { label: "SPF/DKIM/DMARC", headerClassName: "w-22" },
      sortFn: "alphanumeric",
      cell: ({ row }) => <AuthCell message={row.original} />,
    }),
    helper.accessor((m) => m.alert_id ?? "", {
      id: "alert_id",
      header: "Alert id",
      meta: { label: "Alert id", headerClassName: "w-24", cellClassName: "font-mono text-[11px] text-zinc-600" },
      sortFn: "alphanumeric",
      cell: ({ getValue }) => {
        const v = getValue();
        return v ? (
          <span className="block truncate" title={revealHidden(v)}>
            <Revealed text={v} />
          </span>
        ) : (
          none
        );
      },
    }),
  ]);
}

