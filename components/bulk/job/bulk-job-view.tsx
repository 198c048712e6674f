"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { ApiError } from "@/lib/queries/http";
import { useBulkJob } from "@/lib/queries/bulk-jobs";
import { JobMessages } from "./job-messages";
import { JobProblem } from "./job-problem";
import { JobSummary } from "./job-summary";

/** `/bulk/{id}`: the job's summary and its messages; a deleted, missing or unreadable job says so. */
export function BulkJobView({ jobId }: { jobId: string }) {
  const [deleted, setDeleted] = useState(false);
  const job = useBulkJob(jobId, { enabled: !deleted });

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
      <JobMessages jobId={jobId} job={job.data} />
    </div>
  );
}
