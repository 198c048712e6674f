"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DataTable, useDataTable, type DataTableState } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { AUDIT_OPERATIONS, AUDIT_OUTCOMES } from "@/lib/audit/types";
import { AUDIT_URL_KEYS } from "@/lib/audit/url-keys";
import { auditQueryString, useAuditEvents } from "@/lib/queries/audit";
import type { AuditQuery } from "@/lib/schemas/audit";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";
import { auditColumns } from "./columns";

const EMPTY_STATE: DataTableState = { sorting: [], columnVisibility: {}, rowSelection: {} };

/** `datetime-local` speaks local time without a zone; the URL and the API speak UTC ISO-8601. */
const toLocalInput = (iso?: string) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: FormDataEntryValue | null) =>
  typeof value === "string" && value ? new Date(value).toISOString() : undefined;

export function AuditTrail() {
  // Each filter and page is a step Back retraces; a bad value in a link is named next to its control.
  const { state: url, set, search } = useUrlKeys(AUDIT_URL_KEYS, { history: "push" });
  const query: AuditQuery = url.values;
  const fieldErrors: Record<string, string | undefined> = url.errors;
  const events = useAuditEvents(query);
  const [tableState, setTableState] = useState(EMPTY_STATE);
  const table = useDataTable({
    data: events.data?.result ?? [],
    columns: auditColumns,
    getRowId: (e) => String(e.id),
    state: tableState,
    onSortingChange: (sorting) => setTableState((s) => ({ ...s, sorting })),
    onColumnVisibilityChange: (columnVisibility) => setTableState((s) => ({ ...s, columnVisibility })),
    onRowSelectionChange: (rowSelection) => setTableState((s) => ({ ...s, rowSelection })),
  });

  const go = (next: AuditQuery) => set(next);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (String(form.get(name) ?? "").trim() || undefined) as never;
    go({
      email: text("email"),
      operation: text("operation"),
      outcome: text("outcome"),
      start: fromLocalInput(form.get("start")),
      end: fromLocalInput(form.get("end")),
    });
  };
  const page = query.page ?? 1;

  return (
    <div className="space-y-3">
      <form onSubmit={submit} aria-label="Audit filters" className="flex flex-wrap items-end gap-2" key={search}>
        <Field label="User" error={fieldErrors.email} className="w-56">
          {(p) => <input {...p} name="email" type="search" defaultValue={query.email} placeholder="name@company" className={inputClass} />}
        </Field>
        <Field label="Operation" error={fieldErrors.operation} className="w-40">
          {(p) => (
            <select {...p} name="operation" defaultValue={query.operation ?? ""} className={inputClass}>
              <Options values={AUDIT_OPERATIONS} any="Any" />
            </select>
          )}
        </Field>
        <Field label="Outcome" error={fieldErrors.outcome} className="w-32">
          {(p) => (
            <select {...p} name="outcome" defaultValue={query.outcome ?? ""} className={inputClass}>
              <Options values={AUDIT_OUTCOMES} any="Any" />
            </select>
          )}
        </Field>
        <Field label="From" error={fieldErrors.start} className="w-48">
          {(p) => <input {...p} name="start" type="datetime-local" defaultValue={toLocalInput(query.start)} className={inputClass} />}
        </Field>
        <Field label="To" error={fieldErrors.end} className="w-48">
          {(p) => <input {...p} name="end" type="datetime-local" defaultValue={toLocalInput(query.end)} className={inputClass} />}
        </Field>
        <Button type="submit" variant="primary">
          Apply
        </Button>
        <a
          href={`/api/audit/export?${auditQueryString({ ...query, page: undefined })}`}
          download
          className="inline-flex h-7 items-center rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium hover:bg-zinc-100"
        >
          Export CSV
        </a>
      </form>

      {events.isError ? (
        <ErrorState
          title="Could not load the audit trail"
          message={events.error.message}
          onRetry={() => events.refetch()}
          retrying={events.isFetching}
        />
      ) : (
        <DataTable
          table={table}
          label="Audit trail"
          loading={events.isPending}
          empty={<p className="p-4 text-zinc-600">No recorded actions match these filters.</p>}
        />
      )}

      <nav aria-label="Audit pages" className="flex items-center gap-2">
        <Button disabled={page <= 1} onClick={() => go({ ...query, page: page - 1 })}>
          Previous
        </Button>
        <span className="text-[12px] text-zinc-600">Page {page}</span>
        <Button disabled={!events.data?.result_info.has_more} onClick={() => go({ ...query, page: page + 1 })}>
          Next
        </Button>
      </nav>
    </div>
  );
}
