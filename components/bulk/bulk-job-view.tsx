"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { hasNextPage, parseJobMessagesUrl, serializeJobMessagesUrl, type JobMessagesUrlState } from "@/lib/bulk/list-url";
import { describeAction, formatDuration, isActiveStatus, jobDurationMs, jobProgress } from "@/lib/bulk/progress";
import { bulkOnlyFiltersIn, bulkSearchParamsToUrlParams, describeBulkSearchParams } from "@/lib/bulk/search-params";
import type { BulkJob, BulkJobMessage } from "@/lib/cloudflare/types";
import { ApiError } from "@/lib/queries/http";
import { BULK_POLL_MS, bulkJobKeys, useBulkJob, useBulkJobMessages, useCancelBulkJob, useDeleteBulkJob } from "@/lib/queries/bulk-jobs";
import { JOB_MESSAGE_STATUSES } from "@/lib/schemas/enums";
import { jobMessageColumns } from "./job-message-columns";
import { DateTime, JobProgressBar, JobStatusBadge } from "./job-status";
import { Pager } from "./pager";
import { usePlainTable } from "./use-plain-table";

const NO_ROWS: BulkJobMessage[] = [];

/** A clear stop for an address that cannot be a job (400) or names no job (404). */
export function JobProblem({ status, title, children }: { status: 400 | 404; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto mt-12 flex max-w-lg flex-col gap-2 rounded border border-zinc-200 bg-white px-5 py-4">
      <p className="font-mono text-[12px] text-zinc-500">{status === 400 ? "400 Bad request" : "404 Not found"}</p>
      <h1 className="text-base font-semibold">{title}</h1>
      <div className="text-zinc-700">{children}</div>
      <Link href="/bulk" className="text-blue-800 underline">
        All bulk jobs
      </Link>
    </div>
  );
}

export function BulkJobView({ jobId }: { jobId: string }) {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const { state, errors } = useMemo(() => parseJobMessagesUrl(new URLSearchParams(search)), [search]);
  const [deleted, setDeleted] = useState(false);

  const job = useBulkJob(jobId, { enabled: !deleted });
  const running = isActiveStatus(job.data?.status);
  const messages = useBulkJobMessages(jobId, state, { enabled: !deleted && job.isSuccess, live: running });

  // The job can finish between two polls of its messages; fetch them once more so the table ends
  // on the final statuses rather than the last ones seen while it ran.
  const queryClient = useQueryClient();
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void queryClient.invalidateQueries({ queryKey: [...bulkJobKeys.detail(jobId), "messages"] });
    wasRunning.current = running;
  }, [running, jobId, queryClient]);

  const navigate = useCallback(
    (next: JobMessagesUrlState) => {
      const qs = serializeJobMessagesUrl(next);
      const path = `/bulk/${encodeURIComponent(jobId)}`;
      window.history.pushState(null, "", qs ? `${path}?${qs}` : path);
    },
    [jobId],
  );

  const columns = useMemo(() => jobMessageColumns(), []);
  const rows = messages.data?.rows ?? NO_ROWS;
  const table = usePlainTable(rows, columns, (m) => m.message_id ?? m.postfix_id);

  if (deleted) {
    return (
      <div role="status" className="mx-auto mt-12 flex max-w-lg flex-col gap-2 rounded border border-zinc-200 bg-white px-5 py-4">
        <h1 className="text-base font-semibold">Bulk job deleted</h1>
        <p className="text-zinc-700">
          Job <span className="font-mono">{jobId}</span> was deleted. The messages it acted on keep their state.
        </p>
        <Link href="/bulk" className="text-blue-800 underline">
          All bulk jobs
        </Link>
      </div>
    );
  }
  if (job.isError) {
    if (job.error instanceof ApiError && job.error.status === 404) {
      return (
        <JobProblem status={404} title="Bulk job not found">
          There is no bulk job <span className="font-mono">{jobId}</span>. It may have been deleted.
        </JobProblem>
      );
    }
    return (
      <ErrorState
        title="Could not load the bulk job"
        message={job.error.message}
        detail={job.error instanceof ApiError ? `${job.error.status} ${job.error.code}` : undefined}
        onRetry={() => void job.refetch()}
        retrying={job.isFetching}
      />
    );
  }
  if (!job.data) {
    return (
      <p role="status" className="text-zinc-600">
        Loading bulk job…
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <JobSummary job={job.data} now={job.dataUpdatedAt || Date.now()} onDeleted={() => setDeleted(true)} />

      <section aria-labelledby="job-messages-heading" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="job-messages-heading" className="mr-auto text-sm font-semibold">
            Messages
          </h2>
          <Field label="Message status" error={errors.status} className="w-44">
            {(props) => (
              <select
                {...props}
                name="status"
                value={state.status ?? ""}
                onChange={(e) => navigate({ ...state, status: (e.target.value || undefined) as JobMessagesUrlState["status"], page: 1 })}
                className={inputClass}
              >
                <Options values={JOB_MESSAGE_STATUSES} any="Any" />
              </select>
            )}
          </Field>
        </div>
        {messages.data ? <UnreadableNote count={messages.data.unreadable} /> : null}
        {messages.isError ? (
          <ErrorState title="Could not load the job's messages" message={messages.error.message} onRetry={() => void messages.refetch()} retrying={messages.isFetching} />
        ) : (
          <DataTable
            table={table}
            label="Job messages"
            loading={messages.isPending || messages.isPlaceholderData}
            skeletonRows={5}
            empty={
              <p className="text-center text-zinc-600">
                {job.data.status === "PENDING" || job.data.status === "DISCOVERING"
                  ? "The job is still finding its messages."
                  : state.status
                    ? `No messages with status ${state.status}.`
                    : "This job has no messages."}
              </p>
            }
          />
        )}
        <Pager
          label="Job message pages"
          page={state.page}
          hasNext={hasNextPage(messages.data?.info, rows.length + (messages.data?.unreadable ?? 0), state.perPage)}
          disabled={messages.isPending}
          onPage={(page) => navigate({ ...state, page })}
        />
      </section>
    </div>
  );
}

function Counter({ label, value, className = "" }: { label: string; value: number; className?: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-[11px] font-medium text-zinc-500 uppercase">{label}</dt>
      <dd className={`text-base font-semibold tabular-nums ${className}`}>{value}</dd>
    </div>
  );
}

function JobSummary({ job, now, onDeleted }: { job: BulkJob; now: number; onDeleted: () => void }) {
  const admin = usePermission("admin");
  const running = isActiveStatus(job.status);
  const p = jobProgress(job);
  const params = describeBulkSearchParams(job.search_params);
  const searchQs = bulkSearchParamsToUrlParams(job.search_params, "search").toString();
  const notSearchable = bulkOnlyFiltersIn(job.search_params);

  const cancel = useCancelBulkJob(job.job_id);
  const remove = useDeleteBulkJob(job.job_id);
  const inFlight = cancel.isPending || remove.isPending;
  const [confirm, setConfirm] = useState<"cancel" | "delete" | null>(null);
  const close = () => {
    if (inFlight) return;
    cancel.reset();
    remove.reset();
    setConfirm(null);
  };
  const pendingError = confirm === "cancel" ? cancel.error : confirm === "delete" ? remove.error : null;

  return (
    <section aria-label="Job summary" className="flex flex-col gap-3 rounded border border-zinc-200 bg-white p-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="mr-auto flex flex-col gap-0.5">
          <p className="text-[12px] text-zinc-500">
            <Link href="/bulk" className="underline">
              Bulk jobs
            </Link>{" "}
            / <span className="font-mono">{job.job_id}</span>
          </p>
          <h1 className="flex items-center gap-2 text-base font-semibold">
            {describeAction(job)} <JobStatusBadge status={job.status} />
          </h1>
          <p role="status" aria-live="polite" className="text-[12px] text-zinc-600">
            {running ? `Running: refreshing every ${BULK_POLL_MS / 1000} s.` : "Finished: not refreshing."}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          {running ? (
            <Button variant="danger" disabled={!admin.allowed || inFlight} onClick={() => setConfirm("cancel")}>
              {cancel.isPending ? "Cancelling…" : "Cancel job"}
            </Button>
          ) : (
            <Button variant="danger" disabled={!admin.allowed || inFlight} onClick={() => setConfirm("delete")}>
              {remove.isPending ? "Deleting…" : "Delete job"}
            </Button>
          )}
          {!admin.allowed ? <span className="text-[12px] text-zinc-600">{admin.reason}</span> : null}
        </div>
      </div>

      <div className="max-w-2xl">
        <JobProgressBar job={job} name="Job progress" />
      </div>
      <dl aria-label="Counters" className="flex flex-wrap gap-x-6 gap-y-2">
        <Counter label="Discovered" value={p.discovered} />
        <Counter label="Successful" value={p.successful} className="text-emerald-800" />
        <Counter label="Failed" value={p.failed} className="text-red-800" />
        <Counter label="Skipped" value={p.skipped} className="text-sky-800" />
        <Counter label="Cancelled" value={p.cancelled} className="text-amber-800" />
        <Counter label="Pending" value={p.pending} />
      </dl>
      {job.status_message ? (
        <p className="text-zinc-800">
          <span className="font-medium">Status message:</span> {job.status_message}
        </p>
      ) : null}

      <div className="grid gap-3 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <h2 className="text-[12px] font-semibold text-zinc-700 uppercase">Timeline</h2>
          <dl aria-label="Timeline" className="grid grid-cols-[7rem_1fr] gap-y-0.5">
            <dt className="text-zinc-500">Created</dt>
            <dd>
              <DateTime iso={job.created_at} />
            </dd>
            <dt className="text-zinc-500">Started</dt>
            <dd>
              <DateTime iso={job.started_at} />
            </dd>
            <dt className="text-zinc-500">Completed</dt>
            <dd>
              <DateTime iso={job.completed_at} />
            </dd>
            <dt className="text-zinc-500">Duration</dt>
            <dd className="tabular-nums">{formatDuration(jobDurationMs(job, now))}</dd>
          </dl>
          <p className="mt-1 text-zinc-800">
            <span className="font-medium">Comment:</span> {job.comment ? job.comment : <span className="text-zinc-400">none</span>}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <h2 className="text-[12px] font-semibold text-zinc-700 uppercase">Search</h2>
          {params.length > 0 ? (
            <dl aria-label="Search parameters" className="grid grid-cols-[7rem_1fr] gap-y-0.5">
              {params.map((f) => (
                <div key={f.key} className="contents">
                  <dt className="text-zinc-500">{f.label}</dt>
                  <dd className="break-all">{f.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-zinc-600">No filters: every message in the API's default window when the job ran.</p>
          )}
          <Link href={searchQs ? `/messages?${searchQs}` : "/messages"} className="text-blue-800 underline">
            Open this search
          </Link>
          {notSearchable.length > 0 ? (
            <p className="text-[12px] text-amber-900">
              The search page cannot apply {notSearchable.join(" or ")} (Cloudflare&apos;s search has no such filter): it shows the job&apos;s other
              filters only, so it may list messages this job did not touch.
            </p>
          ) : null}
        </div>
      </div>

      <Dialog
        open={confirm !== null}
        onClose={close}
        dismissible={!inFlight}
        title={confirm === "cancel" ? "Cancel this job?" : "Delete this job?"}
        footer={
          <>
            <Button onClick={close} disabled={inFlight}>
              {confirm === "cancel" ? "Keep running" : "Keep job"}
            </Button>
            <Button
              variant="danger"
              disabled={inFlight || !admin.allowed}
              onClick={() => {
                if (confirm === "cancel") cancel.mutate(undefined, { onSuccess: () => setConfirm(null) });
                if (confirm === "delete") remove.mutate(undefined, { onSuccess: () => { setConfirm(null); onDeleted(); } });
              }}
            >
              {confirm === "cancel" ? (cancel.isPending ? "Cancelling…" : "Cancel job") : remove.isPending ? "Deleting…" : "Delete job"}
            </Button>
          </>
        }
      >
        <p>
          {confirm === "cancel"
            ? `The ${p.pending > 0 ? `${p.pending} ` : ""}messages not yet processed will not be touched. Messages already processed keep their new state.`
            : "The job and its per-message record are removed from Cloudflare. The messages it acted on keep their state."}
        </p>
        {pendingError ? (
          <div className="mt-2">
            <ErrorState title={confirm === "cancel" ? "Could not cancel the job" : "Could not delete the job"} message={pendingError.message} />
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}
