"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { hasNextPage, type JobMessagesUrlState } from "@/lib/bulk/list-url";
import { useJobMessagesUrl } from "@/lib/bulk/use-list-url";
import { isActiveStatus } from "@/lib/bulk/progress";
import type { BulkJob, BulkJobMessage } from "@/lib/cloudflare/types";
import { bulkJobKeys, useBulkJobMessages } from "@/lib/queries/bulk-jobs";
import { JOB_MESSAGE_STATUSES } from "@/lib/schemas/enums";
import { jobMessageColumns } from "../job-message-columns";
import { Pager } from "../pager";
import { usePlainTable } from "../use-plain-table";

const NO_ROWS: BulkJobMessage[] = [];

/** The messages a job touched, filtered by their status and paged, live while the job runs. */
export function JobMessages({ jobId, job }: { jobId: string; job: BulkJob }) {
  const { state, errors, navigate } = useJobMessagesUrl();
  const running = isActiveStatus(job.status);
  const messages = useBulkJobMessages(jobId, state, { enabled: true, live: running });

  // The job can finish between two polls of its messages; fetch them once more so the table ends
  // on the final statuses rather than the last ones seen while it ran.
  const queryClient = useQueryClient();
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) void queryClient.invalidateQueries({ queryKey: [...bulkJobKeys.detail(jobId), "messages"] });
    wasRunning.current = running;
  }, [running, jobId, queryClient]);

  const columns = useMemo(() => jobMessageColumns(), []);
  const rows = messages.data?.rows ?? NO_ROWS;
  const table = usePlainTable(rows, columns, (m) => m.message_id ?? m.postfix_id);

  return (
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
              {job.status === "PENDING" || job.status === "DISCOVERING"
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
  );
}
