"use client";

import Link from "next/link";
import { useMemo, useState, type FormEvent } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Pager } from "@/components/bulk/pager";
import { usePlainTable } from "@/components/bulk/use-plain-table";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { ErrorState } from "@/components/ui/error-state";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import type { PolicyEntry } from "@/lib/policies/types";
import { useAllowPolicies, useBlockedSenders, type PolicyList } from "@/lib/queries/policies";
import { POLICIES_URL_KEYS } from "@/lib/policies/url-keys";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";
import { PATTERN_TYPES, type PoliciesPageQuery, type PolicyTab } from "@/lib/schemas/policies";
import { policyColumns } from "./columns";
import { AddPolicy } from "./add-policy";
import { DeletePolicyDialog, EditCommentDialog } from "./policy-change-dialogs";
import { hasNextPage } from "@/lib/policies/types";

const PER_PAGE = 25;
const NO_ROWS: PolicyEntry[] = [];
type Addressable = PolicyEntry & { id: string };
/** A row's key: its id, or (for an entry Cloudflare sent without one) its type and pattern. */
const rowKey = (e: PolicyEntry) => e.id ?? `${e.pattern_type}:${e.pattern}`;
const TABS: { id: PolicyTab; label: string; list: PolicyList }[] = [
  { id: "blocked", label: "Blocked senders", list: "block_senders" },
  { id: "allowed", label: "Allow policies", list: "allow_policies" },
];

const href = (query: PoliciesPageQuery) => {
  const qs = POLICIES_URL_KEYS.serialize(query);
  return qs ? `/policies?${qs}` : "/policies";
};

/** Blocked senders and allow policies: search, paging as Cloudflare gives it, comment edit and delete. */
export function PoliciesView() {
  // The URL is the state: a bad value in a link is named and ignored, the rest still applies.
  const { state: url, set } = useUrlKeys(POLICIES_URL_KEYS, { history: "push" });
  const query: PoliciesPageQuery = url.values;
  const errors: Record<string, string | undefined> = url.errors;
  const tab = query.tab ?? "blocked";
  const current = TABS.find((t) => t.id === tab)!;
  const { tab: _tab, ...listQuery } = query;
  const apiQuery = { ...listQuery, per_page: listQuery.per_page ?? PER_PAGE };
  // Both hooks are called so their order is stable; only the shown tab's list fetches.
  const blocked = useBlockedSenders(apiQuery, tab === "blocked");
  const allowed = useAllowPolicies(apiQuery, tab === "allowed");
  const list = tab === "blocked" ? blocked : allowed;
  const permission = usePermission(tab === "blocked" ? "act" : "admin");
  const [editing, setEditing] = useState<Addressable | null>(null);
  const [deleting, setDeleting] = useState<Addressable | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns = useMemo(
    () =>
      policyColumns({
        allowList: tab === "allowed",
        disabledReason: permission.allowed ? undefined : permission.reason,
        onEdit: (e) => e.id && setEditing({ ...e, id: e.id }),
        onDelete: (e) => e.id && setDeleting({ ...e, id: e.id }),
      }),
    [tab, permission.allowed, permission.reason],
  );
  const rows = (list.data?.result as PolicyEntry[] | undefined) ?? NO_ROWS;
  const table = usePlainTable(rows, columns, rowKey);
  const info = list.data?.result_info;
  const page = query.page ?? 1;
  const hasNext = hasNextPage(info);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (String(form.get(name) ?? "").trim() || undefined) as never;
    set({ tab, search: text("search"), pattern_type: text("pattern_type"), pattern: undefined });
  };

  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-base font-semibold">Sender policies</h1>
      <p className="text-[12px] text-zinc-600">
        Blocked senders and allow policies in Email Security. Analysts block and unblock; only admins create or remove allow
        policies, because an allow rule weakens protection. Entries made from a message link back to it.
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Policy lists" className="flex gap-1">
          {TABS.map((t) => (
            <Link
              key={t.id}
              href={href({ tab: t.id })}
              aria-current={t.id === tab ? "page" : undefined}
              className={`rounded px-2 py-1 text-[13px] font-medium ${t.id === tab ? "bg-zinc-800 text-white" : "text-zinc-700 hover:bg-zinc-200"}`}
            >
              {t.label}
            </Link>
          ))}
        </nav>
        <AddPolicy key={tab} tab={tab} onDone={setNotice} />
      </div>
      {notice ? (
        <p role="status" className="text-[12px] text-emerald-900">
          {notice}
        </p>
      ) : null}
      {query.pattern ? (
        <p className="text-[12px] text-zinc-700">
          Showing the entry <span className="font-mono break-all">{query.pattern}</span>.{" "}
          <Link href={href({ tab })} className="text-blue-800 underline">
            Show all
          </Link>
        </p>
      ) : null}
      <form onSubmit={submit} aria-label="Policy filters" className="flex flex-wrap items-end gap-2" key={`${tab}:${query.search ?? ""}:${query.pattern_type ?? ""}`}>
        <Field label="Search" error={errors.search} className="w-72">
          {(p) => <input {...p} name="search" type="search" defaultValue={query.search} placeholder="address, domain or comment" className={inputClass} />}
        </Field>
        <Field label="Pattern type" error={errors.pattern_type} className="w-32">
          {(p) => (
            <select {...p} name="pattern_type" defaultValue={query.pattern_type ?? ""} className={inputClass}>
              <Options values={PATTERN_TYPES} any="Any" />
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary">
          Apply
        </Button>
        {permission.allowed ? null : (
          <p className="text-[12px] text-zinc-600">
            Changing {tab === "blocked" ? "blocks" : "allow policies"}: {permission.reason?.toLowerCase()}.
          </p>
        )}
      </form>
      {errors.page || errors.per_page || errors.order || errors.direction || errors.tab ? (
        <p role="note" className="text-[12px] text-amber-900">
          Part of the link was not understood and was ignored: {Object.values(errors).join("; ")}
        </p>
      ) : null}
      <RateLimitNotice query={list} />
      <UnreadableNote count={list.data?.unreadable} />
      {list.isError ? (
        <ErrorState title={`Could not load the ${current.label.toLowerCase()}`} message={list.error.message} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : (
        <DataTable
          table={table}
          label={current.label}
          loading={list.isPending}
          empty={<p className="p-4 text-zinc-600">No {current.label.toLowerCase()} match.</p>}
        />
      )}
      <Pager label={`${current.label} pages`} page={page} hasNext={hasNext} disabled={list.isFetching} onPage={(p) => set({ ...query, page: p })} />
      {editing ? <EditCommentDialog list={current.list} entry={editing} onClose={() => setEditing(null)} /> : null}
      {deleting ? <DeletePolicyDialog list={current.list} entry={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}
