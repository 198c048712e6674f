"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { Pager } from "@/components/bulk/pager";
import { usePlainTable } from "@/components/bulk/use-plain-table";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { ErrorState } from "@/components/ui/error-state";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { useSubmissions } from "@/lib/queries/submissions";
import { SUBMISSIONS_URL_KEYS } from "@/lib/submissions/url-keys";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";
import { SEARCH_DISPOSITIONS } from "@/lib/schemas/enums";
import { SUBMISSION_ORDERS, SUBMISSION_TYPES, type SubmissionListQuery } from "@/lib/schemas/submissions";
import type { Submission } from "@/lib/submissions/types";
import { DEFAULT_WINDOW_DAYS, REVIEW_STATUSES, SUBMISSION_TYPE_LABELS } from "@/lib/submissions/vocabulary";
import { submissionColumns } from "./columns";
import { hasNextPage } from "@/lib/policies/types";

const PER_PAGE = 50;
const NO_ROWS: Submission[] = [];
const ORDER_WORDS: Record<(typeof SUBMISSION_ORDERS)[number], string> = {
  requested_at: "Requested time",
  submission_id: "Submission id",
  subject: "Subject",
  original_disposition: "Original disposition",
  requested_disposition: "Requested disposition",
  outcome_disposition: "Outcome disposition",
};

/** `datetime-local` speaks local time without a zone; the URL and the API speak UTC ISO-8601. */
const toLocalInput = (iso?: string) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: FormDataEntryValue | null) => (typeof value === "string" && value ? new Date(value).toISOString() : undefined);

/** The submissions queue: the team's reclassifications and users' reports, filtered and sorted by Cloudflare. */
export function SubmissionsView() {
  // The URL is the state: a bad value in a link is named and ignored, the rest still applies.
  const { state: url, set } = useUrlKeys(SUBMISSIONS_URL_KEYS, { history: "push" });
  const query: SubmissionListQuery = url.values;
  const errors: Record<string, string | undefined> = url.errors;
  const submissions = useSubmissions({ ...query, per_page: query.per_page ?? PER_PAGE });
  const table = usePlainTable(submissions.data?.result ?? NO_ROWS, submissionColumns, (s) => s.submission_id);
  const info = submissions.data?.result_info;
  const page = query.page ?? 1;
  const hasNext = hasNextPage(info);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (String(form.get(name) ?? "").trim() || undefined) as never;
    set({
      query: text("query"),
      type: text("type"),
      status: text("status"),
      original_disposition: text("original_disposition"),
      requested_disposition: text("requested_disposition"),
      outcome_disposition: text("outcome_disposition"),
      start: fromLocalInput(form.get("start")),
      end: fromLocalInput(form.get("end")),
      order: text("order"),
      direction: text("direction"),
    });
  };

  const select = <V extends string>(name: keyof SubmissionListQuery, label: string, values: readonly V[], width = "w-36", words?: (v: V) => string) => (
    <Field label={label} error={errors[name]} className={width}>
      {(p) => (
        <select {...p} name={name} defaultValue={String(query[name] ?? "")} className={inputClass}>
          <Options values={values} any="Any" label={words} />
        </select>
      )}
    </Field>
  );

  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-base font-semibold">Submissions</h1>
      <p className="text-[12px] text-zinc-600">
        Reclassifications the team sent and messages users reported, with what was asked and what Email Security decided.
        “Find message” searches for the message by its subject in the week before the submission.
      </p>
      <form onSubmit={submit} aria-label="Submission filters" className="flex flex-wrap items-end gap-2" key={SUBMISSIONS_URL_KEYS.serialize(query)}>
        <Field label="Search" error={errors.query} className="w-56">
          {(p) => <input {...p} name="query" type="search" defaultValue={query.query} placeholder="subject, reporter, id" className={inputClass} />}
        </Field>
        {select("type", "Type", SUBMISSION_TYPES, "w-24", (t) => SUBMISSION_TYPE_LABELS[t])}
        <Field label="Status" error={errors.status} className="w-32">
          {(p) => (
            <select {...p} name="status" defaultValue={query.status ?? ""} className={inputClass}>
              <Options values={query.status && !(REVIEW_STATUSES as readonly string[]).includes(query.status) ? [...REVIEW_STATUSES, query.status] : REVIEW_STATUSES} any="Any" />
            </select>
          )}
        </Field>
        {select("original_disposition", "Original", SEARCH_DISPOSITIONS)}
        {select("requested_disposition", "Requested", SEARCH_DISPOSITIONS)}
        {select("outcome_disposition", "Outcome", SEARCH_DISPOSITIONS)}
        <Field label="From" error={errors.start} className="w-48">
          {(p) => <input {...p} name="start" type="datetime-local" defaultValue={toLocalInput(query.start)} aria-describedby={query.start ? undefined : "submissions-window"} className={inputClass} />}
        </Field>
        <Field label="To" error={errors.end} className="w-48">
          {(p) => <input {...p} name="end" type="datetime-local" defaultValue={toLocalInput(query.end)} className={inputClass} />}
        </Field>
        <Field label="Sort by" error={errors.order} className="w-44">
          {(p) => (
            <select {...p} name="order" defaultValue={query.order ?? "requested_at"} className={inputClass}>
              <Options values={SUBMISSION_ORDERS} label={(o) => ORDER_WORDS[o]} />
            </select>
          )}
        </Field>
        <Field label="Direction" error={errors.direction} className="w-28">
          {(p) => (
            <select {...p} name="direction" defaultValue={query.direction ?? "desc"} className={inputClass}>
              <Options values={["desc", "asc"] as const} label={(d) => (d === "desc" ? "Descending" : "Ascending")} />
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary">
          Apply
        </Button>
      </form>
      {query.start ? null : (
        <p id="submissions-window" className="text-[12px] text-zinc-700">
          {`Requested in the last ${DEFAULT_WINDOW_DAYS} days: Cloudflare's default when no From date is set. Set From to see older submissions.`}
        </p>
      )}
      {errors.submission_id || errors.page || errors.per_page ? (
        <p role="note" className="text-[12px] text-amber-900">
          Part of the link was not understood: {Object.values(errors).join("; ")}
        </p>
      ) : null}
      {query.submission_id ? (
        <p className="text-[12px] text-zinc-700">
          Showing submission <span className="font-mono">{query.submission_id}</span>.{" "}
          <Link href="/submissions" className="text-blue-800 underline">
            Show all
          </Link>
        </p>
      ) : null}
      <RateLimitNotice query={submissions} />
      <UnreadableNote count={submissions.data?.unreadable} />
      {submissions.isError ? (
        <ErrorState title="Could not load the submissions" message={submissions.error.message} onRetry={() => void submissions.refetch()} retrying={submissions.isFetching} />
      ) : (
        <DataTable table={table} label="Submissions" loading={submissions.isPending} empty={<p className="p-4 text-zinc-600">No submissions match these filters.</p>} />
      )}
      <Pager label="Submission pages" page={page} hasNext={hasNext} disabled={submissions.isFetching} onPage={(p) => set({ ...query, page: p })} />
    </div>
  );
}
