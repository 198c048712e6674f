"use client";

import { Revealed } from "@/components/ui/revealed";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { describeBulkSearchParams } from "@/lib/bulk/search-params";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";

interface ConfirmJobDialogProps {
  /** The body that will be sent when confirmed; null: the dialog is closed. */
  body: CreateBulkJobBody | null;
  dangerousRelease: boolean;
  /** The create button's own words, count included. */
  confirmLabel: string;
  pending: boolean;
  error: Error | null;
  onCancel: () => void;
  onConfirm: (body: CreateBulkJobBody) => void;
}

/** The last step before a job exists: the exact body in words, and a second warning before releasing malicious mail. */
export function ConfirmJobDialog({ body, dangerousRelease, confirmLabel, pending, error, onCancel, onConfirm }: ConfirmJobDialogProps) {
  return (
    <Dialog
      open={body !== null}
      onClose={onCancel}
      title={dangerousRelease ? (body?.action === "MOVE" ? "Move malicious messages to the Inbox?" : "Release malicious messages?") : "Create this bulk job?"}
      dismissible={!pending}
      footer={
        <>
          <Button onClick={onCancel} disabled={pending}>
            Go back
          </Button>
          <Button
            variant={dangerousRelease ? "danger" : "primary"}
            disabled={pending}
            onClick={() => {
              if (body) onConfirm(body);
            }}
          >
            {pending ? "Creating…" : dangerousRelease ? (body?.action === "MOVE" ? "Move malicious messages to the Inbox" : "Release malicious messages") : confirmLabel}
          </Button>
        </>
      }
    >
      {dangerousRelease ? (
        <p className="mb-2">
          This job will release every message the search matches, including messages classified MALICIOUS or MALICIOUS-BEC. Their recipients
          will receive known threats. Only continue if you have confirmed these are false positives.
        </p>
      ) : null}
      {body ? <JobSummary body={body} /> : null}
      {error ? (
        <p role="alert" className="mt-2 text-red-700">
          Could not create the job: {error.message}
        </p>
      ) : null}
    </Dialog>
  );
}

/** The job in words, from the very body that will be sent: its action and every search parameter. */
function JobSummary({ body }: { body: CreateBulkJobBody }) {
  const params = describeBulkSearchParams(body.search_params);
  return (
    <div className="flex flex-col gap-1.5">
      <p>
        <span className="font-medium">Action:</span>{" "}
        {body.action === "MOVE" ? `move to ${body.destination ?? "—"}` : "release to the recipients"}
        {body.comment ? (
          <>
            {" — “"}
            <Revealed text={body.comment} />”
          </>
        ) : null}
      </p>
      <p className="font-medium">It acts on every message matching:</p>
      {params.length > 0 ? (
        <dl aria-label="Search parameters the job sends" className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {params.map((p) => (
            <div key={p.key} className="contents">
              <dt className="text-zinc-600">{p.label}</dt>
              <dd className="break-all font-mono text-[12px]">
                <Revealed text={p.value} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No search parameters: every message in Cloudflare&apos;s default window.</p>
      )}
    </div>
  );
}
