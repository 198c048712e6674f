"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useCurrentUser } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Field, inputClass } from "@/components/ui/field";
import { SimpleTable, cellClass } from "@/components/ui/simple-table";
import type { ApprovalRequest } from "@/lib/approvals/types";
import { approvingReturnsThreat, describeScope } from "@/lib/approvals/describe";
import { isExactIds } from "@/lib/approvals/types";
import { messageHref } from "@/lib/messages/tabs";
import { useApproval, useDecideApproval } from "@/lib/queries/approvals";
import { ApprovalStatusBadge, describeJob } from "./approval-status";
import { TimeText } from "@/components/ui/time-text";
import { revealHidden } from "@/lib/text/reveal";

type Verdict = "approve" | "reject";

function Facts({ request }: { request: ApprovalRequest }) {
  const exact = isExactIds(request.body);
  const rows: [string, ReactNode][] = [
    ["Action", describeJob(request.body)],
    [exact ? "Messages" : "Search", describeScope(request.body)],
    ...(exact ? [] : ([["Comment", ("comment" in request.body && request.body.comment) || "—"]] as [string, ReactNode][])),
    ...(exact ? [] : ([["Messages counted", request.matched_more ? `more than ${request.matched}` : String(request.matched)]] as [string, ReactNode][])),
    ["Requested by", request.requested_by],
    ["Requested", <TimeText key="requested" iso={request.created_at} />],
    ["Expires", <TimeText key="expires" iso={request.expires_at} />],
  ];
  if (request.decided_by) rows.push([request.status === "rejected" ? "Rejected by" : "Approved by", request.decided_by]);
  if (request.decision_reason) rows.push(["Reason", request.decision_reason]);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-[13px]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-600">{k}</dt>
          <dd className="break-words">{typeof v === "string" ? <Revealed text={v} /> : v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One request: what would run, why it waits, its dry run, and Approve / Reject for another admin. */
export function ApprovalRequestView({ id }: { id: string }) {
  const user = useCurrentUser();
  const query = useApproval(id);
  const decide = useDecideApproval(id);
  const [open, setOpen] = useState<Verdict | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();

  if (query.isPending) return <p role="status">Loading the approval request…</p>;
  if (query.isError) return <ErrorState title="Could not load the approval request" message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const request = query.data;
  const exact = isExactIds(request.body);
  const admin = user?.role === "admin";
  const own = user?.email.toLowerCase() === request.requested_by.toLowerCase();
  const decidable = request.status === "pending" && !own;
  const why =
    request.status === "expired"
      ? "This request expired: it can no longer be approved. Start the job again to ask anew."
      : request.status !== "pending"
        ? undefined
        : own
          ? `You asked for this ${exact ? "change" : "job"}, so ${admin ? "another" : "an"} admin must approve or reject it.`
          : undefined;

  const submit = () => {
    if (!open) return;
    if (!reason.trim()) return setReasonError("Give a reason");
    decide.mutate({ verdict: open, reason: reason.trim() }, { onSuccess: () => setOpen(null) });
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-2">
        <h1 className="text-base font-semibold">Approval request: {describeJob(request.body)}</h1>
        <ApprovalStatusBadge status={request.status} />
        <Link href="/bulk" className="ml-auto text-[12px] text-blue-800 underline">
          All bulk jobs
        </Link>
      </div>
      <section aria-label="Request" className="flex flex-col gap-2 rounded border border-zinc-200 bg-white p-3">
        <Facts request={request} />
        <div>
          <h2 className="text-sm font-semibold">Why it needs a second admin</h2>
          <ul className="list-disc pl-5 text-[13px]">
            {request.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
        {exact && request.status === "approved" ? <p role="status">Approved and carried out: each message's outcome is below.</p> : null}
        {request.job_id ? (
          <p role="status">
            Approved: the job was created.{" "}
            <Link href={`/bulk/${encodeURIComponent(request.job_id)}`} className="text-blue-800 underline">
              Open the job
            </Link>
          </p>
        ) : null}
        {request.last_error && request.status === "pending" ? (
          <p role="alert" className="text-red-800">The last approval could not be carried out: <Revealed text={request.last_error} /></p>
        ) : null}
        <div className="flex items-center gap-2">
          {(admin ? (["approve", "reject"] as const) : []).map((v) => (
            <Button
              key={v}
              variant={v === "reject" ? "danger" : approvingReturnsThreat(request) ? "secondary" : "primary"}
              disabled={!decidable || decide.isPending}
              aria-describedby={why ? "approval-why" : undefined}
              onClick={() => {
                decide.reset();
                setReason("");
                setReasonError(undefined);
                setOpen(v);
              }}
            >
              {v === "approve" ? "Approve…" : "Reject…"}
            </Button>
          ))}
          {why ? (
            <p id="approval-why" className="text-[12px] text-zinc-700">
              {why}
            </p>
          ) : null}
        </div>
      </section>
      <section aria-label={exact ? "The messages" : "Dry run at request time"} className="flex flex-col gap-1">
        <h2 className="text-sm font-semibold">{exact ? "The messages, exactly as approved" : "Dry run when it was asked for"}</h2>
        {request.sample.length === 0 ? (
          <p className="text-[12px] text-zinc-600">No sample: the console could not search what this job acts on.</p>
        ) : (
          <SimpleTable label={exact ? "Messages in the request" : "Dry run sample"} headers={["Received", "From", "Subject", "Disposition", ...(exact ? ["Outcome"] : [])]}>
            {request.sample.map((m) => (
              <tr key={m.id}>
                <td className={cellClass}>{m.received_at ? <TimeText iso={m.received_at} /> : "—"}</td>
                <td className={`${cellClass} break-all`}>
                  <Revealed text={m.from} fallback="—" />
                </td>
                <td className={`${cellClass} break-words`}>
                  <Link href={messageHref(m.id)} className="text-blue-800 underline">
                    {m.subject ? <Revealed text={m.subject} /> : m.from ? "(no subject)" : m.id}
                  </Link>
                </td>
                <td className={cellClass}>
                  <Revealed text={m.final_disposition} fallback="—" />
                </td>
                {exact ? <td className={cellClass}>{m.outcome ? <Revealed text={`${m.outcome.ok ? "Done" : "Failed"}: ${m.outcome.detail}`} /> : "—"}</td> : null}
              </tr>
            ))}
          </SimpleTable>
        )}
      </section>
      <Dialog
        open={open !== null}
        onClose={() => !decide.isPending && setOpen(null)}
        title={`${open === "approve" ? "Approve" : "Reject"} this ${exact ? "request" : "bulk job"}?`}
        dismissible={!decide.isPending}
        footer={
          <>
            <Button onClick={() => setOpen(null)} disabled={decide.isPending}>
              Cancel
            </Button>
            <Button variant={open === "approve" ? "primary" : "danger"} onClick={submit} disabled={decide.isPending}>
              {decide.isPending ? "Sending…" : open === "approve" ? (exact ? `Approve: ${describeJob(request.body)}` : "Approve and start the job") : "Reject"}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-2">
          <p>
            {open === "approve"
              ? exact
                ? `${describeJob(request.body)} of exactly the messages listed happens at Cloudflare as soon as you approve it, once. Both your name and ${revealHidden(request.requested_by)}'s are recorded.`
                : `The job (${describeJob(request.body)}) starts at Cloudflare as soon as you approve it. Both your name and ${revealHidden(request.requested_by)}'s are recorded.`
              : `${exact ? "Nothing is returned to the mailboxes" : "The job will not run"}. ${revealHidden(request.requested_by)} sees your reason.`}
          </p>
          <Field label="Reason" error={reasonError}>
            {(props) => (
              <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} className={`${inputClass} h-auto py-1`} />
            )}
          </Field>
          {decide.error ? <p role="alert" className="text-red-800">{decide.error.message}</p> : null}
        </div>
      </Dialog>
    </div>
  );
}
