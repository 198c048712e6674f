"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useRef, useState, type FormEvent } from "react";
import { usePermission } from "@/components/auth/current-user";
import { FilterBar, type FilterBarHandle } from "@/components/messages/filter-bar";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { SentForApproval } from "@/components/approvals/sent-for-approval";
import type { ApprovalRequest } from "@/lib/approvals/types";
import {
  emptyErrors,
  errorsFromFields,
  isDangerousDisposition,
  isUnfilteredSearch,
  validateBulkJob,
  type BulkFormErrors,
} from "@/lib/bulk/validate";
import type { Message } from "@/lib/messages/message-view";
import {
  describeFilters,
  effectiveFilters,
  labelFor,
  parseMessageUrl,
  serializeMessageUrl,
  type RangePreset,
  type UrlKey,
} from "@/lib/messages/search-url";
import { ApiError } from "@/lib/queries/http";
import { useCreateBulkJob } from "@/lib/queries/bulk-jobs";
import { useMessageList, type MessageListSearch } from "@/lib/queries/messages";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";
import { DESTINATIONS, type BulkAction, type Destination } from "@/lib/schemas/enums";
import { BULK_FILTER_KEYS, BULK_ONLY_FILTER_KEYS } from "@/lib/schemas/search";
import { describeBulkSearchParams } from "@/lib/bulk/search-params";
import { dryRunColumns } from "./dry-run-columns";
import { usePlainTable } from "./use-plain-table";

/** How many matches the dry run lists: enough to recognise the search, one request. */
export const DRY_RUN_SIZE = 20;

const NO_MESSAGES: Message[] = [];
// The form's URL holds the job's search only: the search page's link may also carry its paging
// and sort, which mean nothing for a job.
const SEARCH_KEYS: readonly string[] = [...BULK_FILTER_KEYS, "range"];
const IGNORED_KEYS: readonly string[] = ["sort", "per_page", "prev", "cursor"];

function searchOnly(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!IGNORED_KEYS.includes(k)) out.append(k, v);
  return out;
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export function NewBulkJob() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const parsed = useMemo(() => parseMessageUrl(searchOnly(new URLSearchParams(search)), "bulk"), [search]);
  const { filters, range } = parsed.state;
  const urlHasErrors = Object.keys(parsed.errors).length > 0;
  const permission = usePermission("admin");

  const [action, setAction] = useState<BulkAction>("MOVE");
  const [destination, setDestination] = useState<Destination | "">("");
  const [comment, setComment] = useState("");
  const [confirmedUnfiltered, setConfirmedUnfiltered] = useState(false);
  const [errors, setErrors] = useState<BulkFormErrors>(emptyErrors);
  // The body the confirmation dialog shows and, once confirmed, sends: exactly what was checked.
  const [confirmBody, setConfirmBody] = useState<CreateBulkJobBody | null>(null);
  const [sentForApproval, setSentForApproval] = useState<ApprovalRequest | null>(null);
  const create = useCreateBulkJob();

  // ---- dry run: the first page of the same search, through the search page's own query
  const dryRunSearch: MessageListSearch = useMemo(() => ({ filters, range, perPage: DRY_RUN_SIZE }), [filters, range]);
  const dryRun = useMessageList(dryRunSearch, { enabled: !urlHasErrors });
  const sample = dryRun.data && !dryRun.data.pending ? dryRun.data.messages : NO_MESSAGES;
  const more = Boolean(dryRun.data?.next || dryRun.data?.nextPage);
  // The dry run goes through Cloudflare's search, which has no exact-subject or submissions
  // filter: with either set, its rows are not what the job will act on, and it must say so.
  const unsearchable = BULK_ONLY_FILTER_KEYS.filter((k) => filters[k] !== undefined).map((k) => labelFor(k));

  // A release is dangerous if it can reach malicious mail. The sample shows some; beyond it, one
  // more search narrowed to MALICIOUS (per_page=1) says whether any lies further on. The search
  // cannot filter by MALICIOUS-BEC, so that one is caught only when it appears in the sample.
  const probeNeeded = action === "RELEASE" && !urlHasErrors && !filters.final_disposition && more;
  const probe = useMessageList(
    useMemo(() => ({ filters: { ...filters, final_disposition: "MALICIOUS" as const }, range, perPage: 1 }), [filters, range]),
    { enabled: probeNeeded },
  );
  const maliciousInSample = sample.filter((m) => isDangerousDisposition(m.final_disposition)).length;
  const dangerousRelease =
    action === "RELEASE" &&
    (isDangerousDisposition(filters.final_disposition) ||
      maliciousInSample > 0 ||
      (probeNeeded && (probe.data?.messages.length ?? 0) > 0));

  const columns = useMemo(() => dryRunColumns(), []);
  const table = usePlainTable(sample, columns, (m) => m.id);

  // ---- the search: written to the URL, so a reload or a shared link shows the same form
  const navigate = useCallback((qs: string) => {
    window.history.pushState(null, "", qs ? `/bulk/new?${qs}` : "/bulk/new");
  }, []);
  const applyFilters = ({ pairs, range: nextRange }: { pairs: Record<string, string>; range?: RangePreset }) => {
    const params = new URLSearchParams(pairs);
    if (nextRange) params.set("range", nextRange);
    const next = parseMessageUrl(params, "bulk");
    setErrors((e) => ({ ...e, filters: {} }));
    navigate(Object.keys(next.errors).length === 0 ? serializeMessageUrl(next.state, "bulk") : params.toString());
  };
  const clearFilters = () => {
    setErrors((e) => ({ ...e, filters: {} }));
    navigate("");
  };
  const searchInputRef = useRef<HTMLInputElement>(null);
  const filterBar = useRef<FilterBarHandle>(null);

  // ---- create
  const jobFilters = () => {
    // A relative range becomes the window the dry run was fetched with, so the job acts on the
    // search the analyst just looked at.
    if (!range) return filters;
    return dryRun.data?.window ? { ...filters, ...dryRun.data.window } : effectiveFilters({ filters, range }, Date.now());
  };
  const unfiltered = isUnfilteredSearch(filters);

  const send = (body: CreateBulkJobBody) => {
    create.mutate(body, {
      onSuccess: (outcome) => {
        setConfirmBody(null);
        if (outcome.approval) setSentForApproval(outcome.approval);
        else router.push(`/bulk/${encodeURIComponent(outcome.job.job_id)}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fields) setErrors(errorsFromFields(error.fields));
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!permission.allowed || create.isPending) return;
    // No hidden filters: a filter typed but not searched would be shown in its box and left out
    // of the job. It is applied now (the dry run follows it), and this press creates nothing.
    const unapplied = filterBar.current?.unapplied() ?? [];
    if (unapplied.length > 0) {
      filterBar.current?.apply();
      setErrors({
        ...emptyErrors(),
        other: [
          `Not created: ${unapplied.map((f) => f.label).join(", ")} ${unapplied.length === 1 ? "was" : "were"} changed without pressing Search. The search now includes ${unapplied.length === 1 ? "it" : "them"}; check the dry run, then press Create job again.`,
        ],
      });
      return;
    }
    if (urlHasErrors) {
      setErrors({ ...emptyErrors(), other: ["Fix the highlighted search filters before creating the job."] });
      return;
    }
    const result = validateBulkJob({ action, destination, comment, filters: jobFilters(), confirmedUnfiltered });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(emptyErrors());
    setConfirmBody(result.body);
  };

  const filterErrors: Partial<Record<UrlKey, string>> = { ...errors.filters, ...parsed.errors };
  const active = describeFilters(parsed.state, "bulk");
  const ignoredKeys = parsed.unknownKeys.filter((k) => !SEARCH_KEYS.includes(k));

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h1 className="text-base font-semibold">New bulk job</h1>
        <Link href="/bulk" className="text-[12px] text-blue-800 underline">
          All bulk jobs
        </Link>
      </div>
      {!permission.allowed ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          {permission.reason} to create bulk jobs. You can still see what a search would match.
        </p>
      ) : null}

      <section aria-labelledby="bulk-search-heading" className="flex flex-col gap-2">
        <h2 id="bulk-search-heading" className="text-sm font-semibold">
          1. The messages: a search
        </h2>
        <p className="text-[12px] text-zinc-600">
          The job acts on every message this search matches when it runs. Press Search after changing typed filters or dates to update the dry run.
        </p>
        <FilterBar controlRef={filterBar} scope="bulk" parsed={parsed} fieldErrors={filterErrors} searchInputRef={searchInputRef} onApply={applyFilters} onClear={clearFilters} />
        {ignoredKeys.length > 0 ? <p className="text-[12px] text-zinc-500">Ignored unknown link parameters: {ignoredKeys.join(", ")}</p> : null}
      </section>

      <section aria-label="Dry run" className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold">2. Dry run</h2>
        <p className="text-[12px] text-zinc-700">
          {active.length > 0 ? `Search: ${active.map((f) => `${f.label} ${f.value}`).join(" · ")}` : "Search: no filters (the API's default window)"}
          {range ? " — the range is fixed to absolute times when the job is created." : ""}
        </p>
        {unsearchable.length > 0 ? (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
            This dry run cannot show what the job will act on: Cloudflare&apos;s search has no {unsearchable.join(" or ")} filter, so the
            rows below match the other filters only. The job applies {unsearchable.length === 1 ? "it" : "them"} when it runs.
          </p>
        ) : null}
        <p role="status" aria-live="polite" className="text-[12px] text-zinc-700">
          {urlHasErrors
            ? "Dry run not run: fix the highlighted filters."
            : dryRun.isPending || dryRun.data?.pending
              ? "Finding the messages this search matches…"
              : dryRun.isError
                ? "The dry run failed."
                : sample.length === 0
                  ? unsearchable.length > 0
                    ? "No messages match the other filters."
                    : "No messages match this search: the job would do nothing."
                  : unsearchable.length > 0
                    ? `${plural(sample.length, "message")} matching the other filters${more ? ", and more" : ""}; not necessarily what the job acts on.`
                    : more
                      ? `The first ${plural(sample.length, "message")} this search matches; more match, and the job will act on all of them.`
                      : `All ${plural(sample.length, "message")} this search matches.`}
        </p>
        {dryRun.isError ? (
          <ErrorState title="Could not run the dry run" message={dryRun.error.message} onRetry={() => void dryRun.refetch()} retrying={dryRun.isFetching} />
        ) : urlHasErrors ? null : (
          <>
          {dryRun.data && !dryRun.data.pending ? <UnreadableNote count={dryRun.data.unreadable} /> : null}
          <DataTable
            table={table}
            label="Dry run matches"
            loading={dryRun.isPending || (dryRun.data?.pending ?? false)}
            skeletonRows={5}
            empty={<p className="text-center text-zinc-600">Nothing matches.</p>}
          />
          </>
        )}
      </section>

      <form aria-label="Bulk job" noValidate onSubmit={onSubmit} className="flex flex-col gap-3 rounded border border-zinc-200 bg-white p-3">
        <h2 className="text-sm font-semibold">3. The action</h2>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-[11px] font-medium text-zinc-600">Action</legend>
          <div className="flex gap-4">
            {(["MOVE", "RELEASE"] as const).map((a) => (
              <label key={a} className="flex items-center gap-1.5 text-[13px]">
                <input
                  type="radio"
                  name="action"
                  value={a}
                  checked={action === a}
                  onChange={() => {
                    setAction(a);
                    setErrors((e) => ({ ...e, form: { ...e.form, destination: undefined } }));
                  }}
                  className="accent-blue-700"
                />
                {a === "MOVE" ? "Move" : "Release"}
              </label>
            ))}
          </div>
        </fieldset>

        {action === "MOVE" ? (
          <Field label="Destination" error={errors.form.destination} className="w-72">
            {(props) => (
              <select {...props} name="destination" value={destination} onChange={(e) => setDestination(e.target.value as Destination | "")} className={inputClass}>
                <Options values={DESTINATIONS} any="Choose a folder…" />
              </select>
            )}
          </Field>
        ) : (
          <p className="text-[12px] text-zinc-600">A release delivers quarantined messages to their recipients; it has no destination.</p>
        )}

        {dangerousRelease ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900">
            <p className="font-semibold">This release includes malicious messages.</p>
            <p>
              {maliciousInSample > 0
                ? `${plural(maliciousInSample, "message")} in the dry run ${maliciousInSample === 1 ? "is" : "are"} classified MALICIOUS or MALICIOUS-BEC.`
                : "The search matches messages classified MALICIOUS."}{" "}
              Releasing them delivers known threats to the recipients' inboxes. You will be asked to confirm again.
            </p>
          </div>
        ) : null}

        {unfiltered ? (
          <div className="flex flex-col gap-0.5 rounded border border-amber-300 bg-amber-50 px-3 py-2">
            <p className="text-amber-950">This search has no filters: the job would act on every message in its date window.</p>
            <label className="flex items-center gap-1.5 text-[12px] font-medium text-amber-950">
              <input
                type="checkbox"
                name="confirm_unfiltered"
                checked={confirmedUnfiltered}
                onChange={(e) => setConfirmedUnfiltered(e.target.checked)}
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
              value={comment}
              placeholder="Why: ticket, campaign, who asked"
              onChange={(e) => setComment(e.target.value)}
              className={`${inputClass} h-auto py-1`}
            />
          )}
        </Field>

        {errors.other.length > 0 || (create.error && !(create.error instanceof ApiError && create.error.fields)) ? (
          <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900">
            {errors.other.map((m) => (
              <p key={m}>{m}</p>
            ))}
            {create.error && !(create.error instanceof ApiError && create.error.fields) ? <p>Could not create the job: {create.error.message}</p> : null}
          </div>
        ) : null}

        {sentForApproval ? <SentForApproval request={sentForApproval} /> : null}

        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" size="md" disabled={!permission.allowed || create.isPending}>
            {create.isPending ? "Creating…" : "Create job"}
          </Button>
          {!permission.allowed ? <span className="text-[12px] text-zinc-600">{permission.reason}</span> : null}
        </div>
      </form>

      <Dialog
        open={confirmBody !== null}
        onClose={() => setConfirmBody(null)}
        title={dangerousRelease ? "Release malicious messages?" : "Create this bulk job?"}
        dismissible={!create.isPending}
        footer={
          <>
            <Button onClick={() => setConfirmBody(null)} disabled={create.isPending}>
              Go back
            </Button>
            <Button
              variant={dangerousRelease ? "danger" : "primary"}
              disabled={create.isPending}
              onClick={() => {
                if (confirmBody) send(confirmBody);
              }}
            >
              {create.isPending ? "Creating…" : dangerousRelease ? "Release malicious messages" : "Create job"}
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
        {confirmBody ? <JobSummary body={confirmBody} /> : null}
        {create.error ? (
          <p role="alert" className="mt-2 text-red-700">
            Could not create the job: {create.error.message}
          </p>
        ) : null}
      </Dialog>
    </div>
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
        {body.comment ? ` — “${body.comment}”` : ""}
      </p>
      <p className="font-medium">It acts on every message matching:</p>
      {params.length > 0 ? (
        <dl aria-label="Search parameters the job sends" className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {params.map((p) => (
            <div key={p.key} className="contents">
              <dt className="text-zinc-600">{p.label}</dt>
              <dd className="break-all font-mono text-[12px]">{p.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No search parameters: every message in Cloudflare&apos;s default window.</p>
      )}
    </div>
  );
}
