"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { DataTableInstance } from "@/components/ui/data-table";
import { ActionMenu, ActionMenuItem, ActionMenuNote } from "@/components/ui/action-menu";
import { Menu } from "@/components/ui/menu";
import type { Message } from "@/lib/cloudflare/types";
import { EXPORT_ROW_CAP } from "@/lib/queries/messages";

export function ColumnsMenu({ table }: { table: DataTableInstance<Message> }) {
  return (
    <Menu label="Columns">
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-[11px] font-semibold text-zinc-500 uppercase">Show columns</legend>
        {table
          .getAllLeafColumns()
          .filter((c) => c.getCanHide())
          .map((column) => (
            <label key={column.id} className="flex items-center gap-2 text-[12px]">
              {/* Named apart from the filters ("Disposition" is both a filter and a column). */}
              <Checkbox
                aria-label={`Show ${column.columnDef.meta?.label ?? column.id} column`}
                checked={column.getIsVisible()}
                onChange={(e) => column.toggleVisibility(e.target.checked)}
              />
              {column.columnDef.meta?.label ?? column.id}
            </label>
          ))}
      </fieldset>
    </Menu>
  );
}

/**
 * Copies the view's link and also shows it, so it can be copied by hand where the clipboard is
 * not available (an http origin, a denied permission).
 */
export function CopyLinkButton({ buildUrl }: { buildUrl: () => string }) {
  const [copied, setCopied] = useState<{ url: string; ok: boolean } | null>(null);
  const copy = async () => {
    const url = buildUrl();
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      ok = false;
    }
    setCopied({ url, ok });
  };
  return (
    <div className="flex items-center gap-1.5">
      <Button onClick={copy}>Copy link</Button>
      {copied ? (
        <span className="flex items-center gap-1.5">
          <span role="status" className="text-[12px] text-zinc-600">
            {copied.ok ? "Link copied" : "Copy this link"}
          </span>
          <input
            readOnly
            aria-label="Link to this view"
            value={copied.url}
            onFocus={(e) => e.currentTarget.select()}
            className="h-7 w-64 rounded border border-zinc-300 bg-zinc-50 px-2 font-mono text-[11px] text-zinc-700"
          />
          <Button variant="ghost" aria-label="Dismiss link" onClick={() => setCopied(null)}>
            ×
          </Button>
        </span>
      ) : null}
    </div>
  );
}

export function ExportMenu({
  loadedCount,
  hasMore,
  busy,
  onExport,
}: {
  loadedCount: number;
  hasMore: boolean;
  busy: boolean;
  onExport: (followPages: boolean) => void;
}) {
  return (
    <ActionMenu label={busy ? "Exporting…" : "Export CSV"}>
      <ActionMenuItem disabled={busy || loadedCount === 0} onSelect={() => onExport(false)}>
        Export this page ({loadedCount} rows)
      </ActionMenuItem>
      <ActionMenuItem disabled={busy || !hasMore} onSelect={() => onExport(true)}>
        Export following pages too (up to {EXPORT_ROW_CAP.toLocaleString("en")} rows)
      </ActionMenuItem>
      <ActionMenuNote>Cells that could run as spreadsheet formulas are prefixed with an apostrophe.</ActionMenuNote>
    </ActionMenu>
  );
}
