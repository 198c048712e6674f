"use client";

import { Revealed } from "@/components/ui/revealed";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Field, inputClass } from "@/components/ui/field";
import type { PolicyEntry } from "@/lib/policies/types";
import { ApiError } from "@/lib/queries/http";
import { useDeletePolicy, useEditPolicyComment, type PolicyList } from "@/lib/queries/policies";
import { editCommentBodySchema } from "@/lib/schemas/policies";
import { revealHidden } from "@/lib/text/reveal";

const detailOf = (error: Error) => (error instanceof ApiError ? `${error.status} ${error.code}` : undefined);

/** Only entries with an id reach these dialogs (columns.tsx disables the buttons otherwise). */
type Addressable = PolicyEntry & { id: string };

export function EditCommentDialog({ list, entry, onClose }: { list: PolicyList; entry: Addressable; onClose: () => void }) {
  const [comments, setComments] = useState(entry.comments ?? "");
  const [error, setError] = useState<string>();
  const edit = useEditPolicyComment();
  const save = () => {
    const parsed = editCommentBodySchema.safeParse({ comments: comments.trim() || null });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    edit.mutate({ list, id: entry.id, comments: parsed.data.comments }, { onSuccess: onClose });
  };
  return (
    <Dialog
      open
      onClose={() => !edit.isPending && onClose()}
      dismissible={!edit.isPending}
      title={`Edit comment of ${revealHidden(entry.pattern)}`}
      footer={
        <>
          <Button onClick={onClose} disabled={edit.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={save} disabled={edit.isPending}>
            {edit.isPending ? "Saving…" : "Save"}
          </Button>
        </>
      }
    >
      <Field label="Comment" error={error}>
        {(p) => <textarea {...p} rows={4} value={comments} onChange={(e) => setComments(e.target.value)} className={`${inputClass} h-auto py-1`} />}
      </Field>
      {edit.error ? <ErrorState title="Saving the comment failed" message={edit.error.message} detail={detailOf(edit.error)} /> : null}
    </Dialog>
  );
}

export function DeletePolicyDialog({ list, entry, onClose }: { list: PolicyList; entry: Addressable; onClose: () => void }) {
  const remove = useDeletePolicy();
  const what = list === "block_senders" ? "block" : "allow policy";
  return (
    <Dialog
      open
      onClose={() => !remove.isPending && onClose()}
      dismissible={!remove.isPending}
      title={`Delete ${what}`}
      footer={
        <>
          <Button onClick={onClose} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => remove.mutate({ list, id: entry.id }, { onSuccess: onClose })} disabled={remove.isPending}>
            {remove.isPending ? "Deleting…" : "Delete"}
          </Button>
        </>
      }
    >
      <p>
        The {what} for <strong className="font-mono break-all">
          <Revealed text={entry.pattern} />
        </strong> will be removed from Email Security.{" "}
        {list === "block_senders" ? "New mail from this sender will be scanned as usual again." : "New mail that matches will be fully scanned again."}
      </p>
      {remove.error ? <ErrorState title="Delete failed" message={remove.error.message} detail={detailOf(remove.error)} /> : null}
    </Dialog>
  );
}
