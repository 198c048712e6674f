"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { withoutApprovalMark } from "@/lib/approvals/mark";
import { describeAction, formatDuration, isActiveStatus, jobDurationMs, jobProgress } from "@/lib/bulk/progress";
import { bulkOnlyFiltersIn, bulkSearchParamsToUrlParams, describeBulkSearchParams } from "@/lib/bulk/search-params";
import type { BulkJob } from "@/lib/cloudflare/types";
import { BULK_POLL_MS } from "@/lib/queries/bulk-jobs";
import { DateTime, JobProgressBar, JobStatusBadge } from "../job-status";
import { JobChangeDialog, useJobChanges, type JobChange } from "./job-change-dialog";

function Counter({ label, value, className = "" }: { label: string; value: number; className?: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-[11px] font-medium text-zinc-500 uppercase">{label}</dt>
      <dd className={`text-base font-semibold tabular-nums ${className}`}>{value}</dd>
    </div>
  );
}

/** A job's header: what it does, its status and counters, its timeline and search, cancel or delete. */
export function JobSummary({ job, now, onDeleted }: { job: BulkJob; now: number; onDeleted: () => void }) {
  const admin = usePermission("admin");
  const running = isActiveStatus(job.status);
  const p = jobProgress(job);
  const changes = useJobChanges(job.job_id);
  const [change, setChange] = useState<JobChange | null>(null);

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
            <Button variant="danger" disabled={!admin.allowed || changes.inFlight} onClick={() => setChange("cancel")}>
              {changes.cancel.isPending ? "Cancelling…" : "Cancel job"}
            </Button>
          ) : (
            <Button variant="danger" disabled={!admin.allowed || changes.inFlight} onClick={() => setChange("delete")}>
              {changes.remove.isPending ? "Deleting…" : "Delete job"}
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
        <JobTimeline job={job} now={now} />
        <JobSearch job={job} />
      </div>

      <JobChangeDialog
        change={change}
        changes={changes}
        pendingMessages={p.pending}
        allowed={admin.allowed}
        onClose={() => setChange(null)}
        onDeleted={onDeleted}
      />
    </section>
  );
}

function JobTimeline({ job, now }: { job: BulkJob; now: number }) {
  return (
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
        <span className="font-medium">Comment:</span> <Revealed text={withoutApprovalMark(job.comment)} fallback={<span className="text-zinc-400">none</span>} />
      </p>
    </div>
  );
}

function JobSearch({ job }: { job: BulkJob }) {
  const params = describeBulkSearchParams(job.search_params);
  const searchQs = bulkSearchParamsToUrlParams(job.search_params, "search").toString();
  const notSearchable = bulkOnlyFiltersIn(job.search_params);
  return (
    <div className="flex flex-col gap-1">
      <h2 className="text-[12px] font-semibold text-zinc-700 uppercase">Search</h2>
      {params.length > 0 ? (
        <dl aria-label="Search parameters" className="grid grid-cols-[7rem_1fr] gap-y-0.5">
          {params.map((f) => (
            <div key={f.key} className="contents">
              <dt className="text-zinc-500">{f.label}</dt>
              <dd className="break-all">
                <Revealed text={f.value} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-zinc-600">No filters: every message in the API&apos;s default window when the job ran.</p>
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
  );
}
