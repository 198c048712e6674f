"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { describeFilters, parseMessageUrl } from "@/lib/messages/search-url";
import { ApiError } from "@/lib/queries/http";
import { useCreateView } from "@/lib/queries/views";
import { SHARE_NEEDS } from "@/lib/views/rules";
import { MAX_VIEW_NAME_LENGTH } from "@/lib/views/types";

/** "Save current view…": names the search on screen (canonical, first page) and says what it holds. */
export function SaveViewDialog({ open, query, canShare, onClose }: { open: boolean; query: string; canShare: boolean; onClose: () => void }) {
  const create = useCreateView();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const close = () => {
    create.reset();
    setName("");
    setShared(false);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, query, shared }, { onSuccess: close });
  };
  const error = create.error;
  const nameError = error instanceof ApiError ? error.fields?.name : undefined;
  const filters = describeFilters(parseMessageUrl(new URLSearchParams(query)).state);

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissible={!create.isPending}
      title="Save current view"
      footer={
        <>
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="save-view-form" disabled={create.isPending}>
            {create.isPending ? "Saving…" : "Save view"}
          </Button>
        </>
      }
    >
      <form id="save-view-form" onSubmit={submit} className="flex flex-col gap-3">
        <Field label="Name" error={nameError}>
          {(props) => (
            <input
              {...props}
              autoFocus
              required
              maxLength={MAX_VIEW_NAME_LENGTH}
              value={name}
              onChange={(e) => setName(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <label className="flex items-center gap-2 text-[12px]">
          <Checkbox checked={shared} disabled={!canShare} onChange={(e) => setShared(e.target.checked)} />
          Share with the team (everyone sees it in their Views menu)
        </label>
        {!canShare ? <p className="text-[11px] text-zinc-600">{SHARE_NEEDS}; you can keep it for yourself.</p> : null}
        <div>
          <p className="text-[12px] font-medium text-zinc-700">The view opens this search at its first page:</p>
          {filters.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-[12px] text-zinc-700">
              {filters.map((f) => (
                <li key={f.key}>
                  {f.label}: <span className="font-mono">{f.value}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-[12px] text-zinc-600">No filters: the search page as it opens.</p>
          )}
          <p className="mt-1 text-[11px] text-zinc-600">A relative date range stays relative: &ldquo;last 7 days&rdquo; means the 7 days before it is opened.</p>
        </div>
        {error ? (
          <p role="alert" className="text-[12px] text-red-700">
            {error.message}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
