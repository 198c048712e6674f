"use client";

import Link from "next/link";
import { createJobLabel } from "@/lib/bulk/count-words";
import { useRef } from "react";
import { usePermission } from "@/components/auth/current-user";
import { FilterBar, type FilterBarHandle } from "@/components/messages/filter-bar";
import type { UrlKey } from "@/lib/messages/search-url";
import { ConfirmJobDialog } from "./confirm-job-dialog";
import { DryRunSection } from "./dry-run-section";
import { JobActionForm } from "./job-action-form";
import { MatchCountNote, useMatchCount } from "./match-count";
import { useDryRun } from "./use-dry-run";
import { useJobForm } from "./use-job-form";
import { useJobSearch } from "./use-job-search";

/** `/bulk/new`: 1. the search (in the URL), 2. its dry run, 3. the action, then a confirmation of the exact body. */
export function NewBulkJob() {
  const permission = usePermission("admin");
  const search = useJobSearch();
  const { state } = search.parsed;
  const filterBar = useRef<FilterBarHandle>(null);
  const searchInputRef = useRef<HTMLInputElement>(null);
  const form = useJobForm({ state, urlHasErrors: search.hasErrors, allowed: permission.allowed, filterBar });
  const dryRun = useDryRun(state, form.fields.action, !search.hasErrors, form.fields.destination);
  const count = useMatchCount(state, dryRun, !search.hasErrors);
  const createLabel = createJobLabel(form.fields.action, form.fields.destination, count.words);

  const filterErrors: Partial<Record<UrlKey, string>> = { ...form.errors.filters, ...search.parsed.errors };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h1 className="text-base font-semibold">New bulk job</h1>
        <Link href="/bulk" className="text-[12px] text-blue-800 underline">
          All bulk jobs
        </Link>
      </div>
      {!permission.allowed ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          {permission.reason} to create bulk jobs. You can still see what a search would match.
        </p>
      ) : null}

      <section aria-labelledby="bulk-search-heading" className="flex flex-col gap-2">
        <h2 id="bulk-search-heading" className="text-sm font-semibold">
          1. The messages: a search
        </h2>
        <p className="text-[12px] text-zinc-600">
          The job acts on every message this search matches when it runs. Press Search after changing typed filters or dates to update the dry run.
        </p>
        <FilterBar
          controlRef={filterBar}
          scope="bulk"
          parsed={search.parsed}
          fieldErrors={filterErrors}
          searchInputRef={searchInputRef}
          onApply={(next) => {
            form.clearFilterErrors();
            search.apply(next);
          }}
          onClear={() => {
            form.clearFilterErrors();
            search.clear();
          }}
        />
        {search.ignoredKeys.length > 0 ? <p className="text-[12px] text-zinc-500">Ignored unknown link parameters: {search.ignoredKeys.join(", ")}</p> : null}
      </section>

      <DryRunSection state={state} dryRun={dryRun} urlHasErrors={search.hasErrors} />
      <MatchCountNote count={count} />

      <JobActionForm
        form={form}
        dangerousRelease={dryRun.dangerousRelease}
        maliciousInSample={dryRun.maliciousInSample}
        returning={dryRun.returning}
        matched={count.query.data?.more ? undefined : count.query.data?.matched}
        createLabel={createLabel}
        permission={permission}
        onSubmit={(event) => form.submit(event, dryRun.query.data?.window)}
      />

      <ConfirmJobDialog
        body={form.confirmBody}
        dangerousRelease={dryRun.dangerousRelease}
        confirmLabel={createLabel}
        pending={form.create.isPending}
        error={form.create.error}
        onCancel={form.closeConfirm}
        onConfirm={form.send}
      />
    </div>
  );
}
