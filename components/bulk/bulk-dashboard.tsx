"use client";

import Link from "next/link";
import { useMemo } from "react";
import { usePermission } from "@/components/auth/current-user";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { hasNextPage, type JobListUrlState } from "@/lib/bulk/list-url";
import { useJobListUrl } from "@/lib/bulk/use-list-url";
import { hasActiveJob } from "@/lib/bulk/progress";
import type { BulkJob } from "@/lib/cloudflare/types";
import { ApiError } from "@/lib/queries/http";
import { BULK_POLL_MS, useBulkJobs } from "@/lib/queries/bulk-jobs";
import { BULK_ACTIONS, JOB_STATUSES } from "@/lib/schemas/enums";
import { jobColumns } from "./columns";
import { Pager } from "./pager";
import { usePlainTable } from "./use-plain-table";

const NO_JOBS: BulkJob[] = [];

const linkButton =
  "inline-flex h-7 items-center rounded border border-blue-800 bg-blue-700 px-2.5 text-[12px] font-medium text-white hover:bg-blue-800";

export function BulkDashboard() {
  const { state, errors, navigate } = useJobListUrl();
  const create = usePermission("admin");

  const jobs = useBulkJobs(state);
  const rows = jobs.data?.rows ?? NO_JOBS;
  const polling = hasActiveJob(rows);

  const columns = useMemo(() => jobColumns({ now: jobs.dataUpdatedAt || Date.now() }), [jobs.dataUpdatedAt]);
  const table = usePlainTable(rows, columns, (j) => j.job_id);
  const filtered = Boolean(state.status || state.actionType);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-base font-semibold">Bulk jobs</h1>
        {create.allowed ? (
          <Link href="/bulk/new" className={linkButton}>
            New bulk job
          </Link>
        ) : (
          <span className="flex items-center gap-2">
            <span className="text-[12px] text-zinc-600">{create.reason} to start a bulk job.</span>
            <span aria-disabled="true" className={`${linkButton} cursor-not-allowed opacity-50`}>
              New bulk job
            </span>
          </span>
        )}
      </div>

      <form aria-label="Bulk job filters" onSubmit={(e) => e.preventDefault()} className="flex flex-wrap items-end gap-2 rounded border border-zinc-200 bg-white p-2.5">
        <Field label="Status" error={errors.status} className="w-44">
          {(props) => (
            <select
              {...props}
              name="status"
              value={state.status ?? ""}
              onChange={(e) => navigate({ ...state, status: (e.target.value || undefined) as JobListUrlState["status"], page: 1 })}
              className={inputClass}
            >
              <Options values={JOB_STATUSES} any="Any" />
            </select>
          )}
        </Field>
        <Field label="Action type" error={errors.action_type} className="w-36">
          {(props) => (
            <select
              {...props}
              name="action_type"
              value={state.actionType ?? ""}
              onChange={(e) => navigate({ ...state, actionType: (e.target.value || undefined) as JobListUrlState["actionType"], page: 1 })}
              className={inputClass}
            >
              <Options values={BULK_ACTIONS} any="Any" label={(a) => a === "MOVE" ? "Move" : "Release"} />
            </select>
          )}
        </Field>
        {errors.page || errors.per_page ? (
          <p role="alert" className="text-[12px] text-red-700">
            {[errors.page, errors.per_page].filter(Boolean).join(" ")} Showing the first page.
          </p>
        ) : null}
      </form>

      <p role="status" aria-live="polite" className="text-[12px] text-zinc-600">
        {jobs.isPending
          ? "Loading bulk jobs…"
          : jobs.isError
            ? "Could not load bulk jobs."
            : `${rows.length} ${rows.length === 1 ? "job" : "jobs"} on this page · ${
                polling ? `a job is running: refreshing every ${BULK_POLL_MS / 1000} s` : "no job running: not refreshing"
              }`}
      </p>

      <RateLimitNotice query={jobs} />
      {jobs.data ? <UnreadableNote count={jobs.data.unreadable} /> : null}
      {jobs.isError ? (
        <ErrorState
          title="Could not load bulk jobs"
          message={jobs.error.message}
          detail={jobs.error instanceof ApiError ? `${jobs.error.status} ${jobs.error.code}` : undefined}
          onRetry={() => void jobs.refetch()}
          retrying={jobs.isFetching}
        />
      ) : (
        <DataTable
          table={table}
          label="Bulk jobs"
          loading={jobs.isPending}
          skeletonRows={5}
          empty={
            <p className="text-center text-zinc-600">
              {filtered ? "No bulk jobs match these filters." : state.page > 1 ? "No more bulk jobs." : "No bulk jobs yet."}
            </p>
          }
        />
      )}

      <Pager
        label="Bulk job pages"
        page={state.page}
        hasNext={hasNextPage(jobs.data?.info, rows.length + (jobs.data?.unreadable ?? 0), state.perPage)}
        disabled={jobs.isPending}
        onPage={(page) => navigate({ ...state, page })}
      />
    </div>
  );
}
