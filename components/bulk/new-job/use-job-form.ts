"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type RefObject } from "react";
import type { FilterBarHandle } from "@/components/messages/filter-bar";
import type { ApprovalRequest } from "@/lib/approvals/types";
import { emptyErrors, errorsFromFields, isUnfilteredSearch, validateBulkJob, type BulkFormErrors } from "@/lib/bulk/validate";
import { effectiveFilters, type MessageUrlState } from "@/lib/messages/search-url";
import { useCreateBulkJob } from "@/lib/queries/bulk-jobs";
import { ApiError } from "@/lib/queries/http";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";
import type { BulkAction, Destination } from "@/lib/schemas/enums";

type FetchedWindow = { start: string; end: string } | null | undefined;

interface JobFormInput {
  state: Pick<MessageUrlState, "filters" | "range">;
  urlHasErrors: boolean;
  allowed: boolean;
  filterBar: RefObject<FilterBarHandle | null>;
}

/** The action half of the bulk form: its fields, its checks, the confirmation and the create call. */
export function useJobForm({ state, urlHasErrors, allowed, filterBar }: JobFormInput) {
  const router = useRouter();
  const { filters, range } = state;
  const [action, setActionState] = useState<BulkAction>("MOVE");
  const [destination, setDestination] = useState<Destination | "">("");
  const [comment, setComment] = useState("");
  const [confirmedUnfiltered, setConfirmedUnfiltered] = useState(false);
  const [errors, setErrors] = useState<BulkFormErrors>(emptyErrors);
  // The body the confirmation dialog shows and, once confirmed, sends: exactly what was checked.
  const [confirmBody, setConfirmBody] = useState<CreateBulkJobBody | null>(null);
  // The request this form sent, and the form as it was then: the same form cannot send it again.
  const [sent, setSent] = useState<{ request: ApprovalRequest; form: string } | null>(null);
  const create = useCreateBulkJob();

  const setAction = (next: BulkAction) => {
    setActionState(next);
    setErrors((e) => ({ ...e, form: { ...e.form, destination: undefined } }));
  };
  const clearFilterErrors = () => setErrors((e) => ({ ...e, filters: {} }));

  // A relative range becomes the window the dry run was fetched with, so the job acts on the
  // search the analyst just looked at.
  const jobFilters = (fetchedWindow: FetchedWindow) => {
    if (!range) return filters;
    return fetchedWindow ? { ...filters, ...fetchedWindow } : effectiveFilters({ filters, range }, Date.now());
  };

  const formKey = JSON.stringify({ filters, range, action, destination, comment: comment.trim() });
  // Still the form that made the request: Create would only make a second identical request.
  const alreadySent = sent !== null && sent.form === formKey;

  const send = (body: CreateBulkJobBody) => {
    if (alreadySent) return;
    const sentFrom = formKey;
    create.mutate(body, {
      onSuccess: (outcome) => {
        setConfirmBody(null);
        if (outcome.approval) setSent({ request: outcome.approval, form: sentFrom });
        else router.push(`/bulk/${encodeURIComponent(outcome.job.job_id)}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fields) setErrors(errorsFromFields(error.fields));
      },
    });
  };

  /** `fetchedWindow`: the window the dry run was fetched with, when known. */
  const submit = (event: FormEvent, fetchedWindow: FetchedWindow) => {
    event.preventDefault();
    if (!allowed || create.isPending || alreadySent) return;
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
    const result = validateBulkJob({ action, destination, comment, filters: jobFilters(fetchedWindow), confirmedUnfiltered });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(emptyErrors());
    setConfirmBody(result.body);
  };

  return {
    fields: { action, destination, comment, confirmedUnfiltered },
    set: { action: setAction, destination: setDestination, comment: setComment, confirmedUnfiltered: setConfirmedUnfiltered },
    unfiltered: isUnfilteredSearch(filters),
    errors,
    clearFilterErrors,
    submit,
    confirmBody,
    closeConfirm: () => setConfirmBody(null),
    send,
    sentForApproval: sent?.request ?? null,
    alreadySent,
    create,
  };
}

export type JobForm = ReturnType<typeof useJobForm>;
