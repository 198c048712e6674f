"use client";

import type { FormEvent } from "react";
import { SecondAdminNote } from "@/components/approvals/second-admin-note";
import { SentForApproval } from "@/components/approvals/sent-for-approval";
import { useReturnAllowance } from "@/lib/queries/approvals";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { ApiError } from "@/lib/queries/http";
import { DESTINATIONS, type Destination } from "@/lib/schemas/enums";
import { plural } from "@/lib/text/plural";
import type { JobForm } from "./use-job-form";

interface JobActionFormProps {
  form: JobForm;
  dangerousRelease: boolean;
  maliciousInSample: number;
  /** A release or a move to Inbox: the release policy's change (lib/approvals/release-policy.ts). */
  returning: boolean;
  /** The server's count of the search, when exact. */
  matched?: number;
  /** Names the action and the count once known ("Create job: move 12 to Junk"). */
  createLabel: string;
  permission: { allowed: boolean; reason?: string };
  onSubmit: (event: FormEvent) => void;
}

/** Step 3 of the form: move or release, where to, the warnings, the comment, and "Create job". */
export function JobActionForm({ form, dangerousRelease, maliciousInSample, returning, matched, createLabel, permission, onSubmit }: JobActionFormProps) {
  const { fields, set, errors, create } = form;
  const allowance = useReturnAllowance(returning && permission.allowed);
  const pastHour = returning && !dangerousRelease && allowance.data && matched !== undefined && matched > allowance.data.remaining;
  // Field-level refusals are shown next to their fields; anything else here.
  const generalError = create.error && !(create.error instanceof ApiError && create.error.fields) ? create.error : null;

  return (
    <form aria-label="Bulk job" noValidate onSubmit={onSubmit} className="flex flex-col gap-3 rounded border border-zinc-200 bg-white p-3">
      <h2 className="text-sm font-semibold">3. The action</h2>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-[11px] font-medium text-zinc-600">Action</legend>
        <div className="flex gap-4">
          {(["MOVE", "RELEASE"] as const).map((a) => (
            <label key={a} className="flex items-center gap-1.5 text-[13px]">
              <input type="radio" name="action" value={a} checked={fields.action === a} onChange={() => set.action(a)} className="accent-blue-700" />
              {a === "MOVE" ? "Move" : "Release"}
            </label>
          ))}
        </div>
      </fieldset>

      {fields.action === "MOVE" ? (
        <Field label="Destination" error={errors.form.destination} className="w-72">
          {(props) => (
            <select {...props} name="destination" value={fields.destination} onChange={(e) => set.destination(e.target.value as Destination | "")} className={inputClass}>
              <Options values={DESTINATIONS} any="Choose a folder…" />
            </select>
          )}
        </Field>
      ) : (
        <p className="text-[12px] text-zinc-600">A release delivers quarantined messages to their recipients; it has no destination.</p>
      )}

      {dangerousRelease ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          <p className="font-semibold">This {fields.action === "RELEASE" ? "release" : "move to Inbox"} includes malicious messages.</p>
          <p>
            {maliciousInSample > 0
              ? `${plural(maliciousInSample, "message")} in the dry run ${maliciousInSample === 1 ? "is" : "are"} classified MALICIOUS or MALICIOUS-BEC.`
              : "The search matches messages classified MALICIOUS."}{" "}
            {fields.action === "RELEASE" ? "Releasing" : "Moving"} them delivers known threats to the recipients' inboxes. You will be asked to confirm again,
            and the job needs a second admin: creating it sends it for approval.
          </p>
        </div>
      ) : null}

      {pastHour ? (
        <SecondAdminNote
          text={`This job needs a second admin: its ${matched} messages are past your ${allowance.data!.per_hour} an hour returned to mailboxes (${allowance.data!.remaining} left). Creating it sends it for approval.`}
        />
      ) : null}

      {form.unfiltered ? (
        <div className="flex flex-col gap-0.5 rounded border border-amber-300 bg-amber-50 px-3 py-2">
          <p className="text-amber-950">This search has no filters: the job would act on every message in its date window.</p>
          <label className="flex items-center gap-1.5 text-[12px] font-medium text-amber-950">
            <input
              type="checkbox"
              name="confirm_unfiltered"
              checked={fields.confirmedUnfiltered}
              onChange={(e) => set.confirmedUnfiltered(e.target.checked)}
              aria-invalid={errors.form.confirmUnfiltered ? true : undefined}
              aria-describedby={errors.form.confirmUnfiltered ? "confirm-unfiltered-error" : undefined}
              className="size-3.5 accent-blue-700"
            />
            Act on every message the search matches
          </label>
          {errors.form.confirmUnfiltered ? (
            <p id="confirm-unfiltered-error" className="text-[11px] text-red-700">
              {errors.form.confirmUnfiltered}
            </p>
          ) : null}
        </div>
      ) : null}

      <Field label="Comment (optional)" error={errors.form.comment} className="max-w-xl">
        {(props) => (
          <textarea
            {...props}
            name="comment"
            rows={2}
            value={fields.comment}
            placeholder="Why: ticket, campaign, who asked"
            onChange={(e) => set.comment(e.target.value)}
            className={`${inputClass} h-auto py-1`}
          />
        )}
      </Field>

      {errors.other.length > 0 || generalError ? (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900">
          {errors.other.map((m) => (
            <p key={m}>{m}</p>
          ))}
          {generalError ? <p>Could not create the job: {generalError.message}</p> : null}
        </div>
      ) : null}

      {form.sentForApproval ? <SentForApproval request={form.sentForApproval} /> : null}

      {form.alreadySent ? (
        // The request is made: no button makes a second identical one. Changing the search,
        // the action or the comment makes a different job, and brings the button back.
        <p className="text-[12px] text-zinc-700">Change the search, the action or the comment to create a different job.</p>
      ) : (
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" size="md" disabled={!permission.allowed || create.isPending}>
            {create.isPending ? "Creating…" : createLabel}
          </Button>
          {!permission.allowed ? <span className="text-[12px] text-zinc-600">{permission.reason}</span> : null}
        </div>
      )}
    </form>
  );
}
