"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { useCancelBulkJob, useDeleteBulkJob } from "@/lib/queries/bulk-jobs";

export type JobChange = "cancel" | "delete";

/** Cancel (a running job) or delete (a finished one) behind a confirmation that says what stays. */
export function useJobChanges(jobId: string) {
  const cancel = useCancelBulkJob(jobId);
  const remove = useDeleteBulkJob(jobId);
  return { cancel, remove, inFlight: cancel.isPending || remove.isPending };
}

interface JobChangeDialogProps {
  change: JobChange | null;
  changes: ReturnType<typeof useJobChanges>;
  pendingMessages: number;
  allowed: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

export function JobChangeDialog({ change, changes, pendingMessages, allowed, onClose, onDeleted }: JobChangeDialogProps) {
  const { cancel, remove, inFlight } = changes;
  const close = () => {
    if (inFlight) return;
    cancel.reset();
    remove.reset();
    onClose();
  };
  const error = change === "cancel" ? cancel.error : change === "delete" ? remove.error : null;

  return (
    <Dialog
      open={change !== null}
      onClose={close}
      dismissible={!inFlight}
      title={change === "cancel" ? "Cancel this job?" : "Delete this job?"}
      footer={
        <>
          <Button onClick={close} disabled={inFlight}>
            {change === "cancel" ? "Keep running" : "Keep job"}
          </Button>
          <Button
            variant="danger"
            disabled={inFlight || !allowed}
            onClick={() => {
              if (change === "cancel") cancel.mutate(undefined, { onSuccess: onClose });
              if (change === "delete") {
                remove.mutate(undefined, {
                  onSuccess: () => {
                    onClose();
                    onDeleted();
                  },
                });
              }
            }}
          >
            {change === "cancel" ? (cancel.isPending ? "Cancelling…" : "Cancel job") : remove.isPending ? "Deleting…" : "Delete job"}
          </Button>
        </>
      }
    >
      <p>
        {change === "cancel"
          ? `The ${pendingMessages > 0 ? `${pendingMessages} ` : ""}messages not yet processed will not be touched. Messages already processed keep their new state.`
          : "The job and its per-message record are removed from Cloudflare. The messages it acted on keep their state."}
      </p>
      {error ? (
        <div className="mt-2">
          <ErrorState title={change === "cancel" ? "Could not cancel the job" : "Could not delete the job"} message={error.message} />
        </div>
      ) : null}
    </Dialog>
  );
}
