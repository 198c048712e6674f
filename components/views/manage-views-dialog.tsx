"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
import type { Role } from "@/lib/auth/roles";
import { useDeleteView, useUpdateView } from "@/lib/queries/views";
import { SHARE_NEEDS, canDeleteView, canEditView, canShareViews } from "@/lib/views/rules";
import { viewHref } from "@/lib/views/query";
import { MAX_VIEW_NAME_LENGTH, type SavedView } from "@/lib/views/types";

/**
 * Rename, share or unshare and delete the views one may change: one's own, and for an admin the
 * team's shared ones (delete only). Deleting asks once more, in the row.
 */
export function ManageViewsDialog({
  open,
  views,
  user,
  onClose,
}: {
  open: boolean;
  views: SavedView[];
  user: { email: string; role: Role };
  onClose: () => void;
}) {
  const manageable = views.filter((v) => canEditView(v, user.email) || canDeleteView(v, user.email, user.role));
  return (
    <Dialog open={open} onClose={onClose} title="Manage saved views" footer={<Button onClick={onClose}>Close</Button>}>
      {manageable.length === 0 ? (
        <p className="text-[12px] text-zinc-600">You have no saved views. Use &ldquo;Save current view…&rdquo; on a search.</p>
      ) : (
        <ul aria-label="Saved views you can change" className="flex flex-col divide-y divide-zinc-200">
          {manageable.map((view) => (
            <ViewRow key={view.id} view={view} user={user} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function ViewRow({ view, user }: { view: SavedView; user: { email: string; role: Role } }) {
  const update = useUpdateView();
  const remove = useDeleteView();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const [confirming, setConfirming] = useState(false);
  const editable = canEditView(view, user.email);
  const error = update.error ?? remove.error;

  const rename = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: view.id, name }, { onSuccess: () => setRenaming(false) });
  };

  return (
    <li className="flex flex-col gap-1 py-2" aria-label={view.name}>
      {renaming ? (
        <form onSubmit={rename} className="flex items-center gap-1.5">
          <input
            aria-label={`New name for ${view.name}`}
            autoFocus
            required
            maxLength={MAX_VIEW_NAME_LENGTH}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
          <Button type="submit" variant="primary" disabled={update.isPending}>
            Save name
          </Button>
          <Button
            onClick={() => {
              setRenaming(false);
              setName(view.name);
              update.reset();
            }}
          >
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex items-center gap-1.5">
          <Link href={viewHref(view.query)} className="mr-auto truncate font-medium text-blue-700 underline">
            {view.name}
          </Link>
          <span className="text-[11px] text-zinc-600">{view.shared ? "Shared" : "Private"}</span>
          {!editable ? <span className="text-[11px] text-zinc-600">· {view.owner}</span> : null}
        </div>
      )}
      {!renaming ? (
        <div className="flex flex-wrap items-center gap-1.5">
          {editable ? (
            <>
              <Button aria-label={`Rename ${view.name}`} onClick={() => setRenaming(true)}>
                Rename
              </Button>
              <Button
                aria-label={`${view.shared ? "Stop sharing" : "Share"} ${view.name}`}
                disabled={update.isPending || (!view.shared && !canShareViews(user.role))}
                title={!view.shared && !canShareViews(user.role) ? SHARE_NEEDS : undefined}
                onClick={() => update.mutate({ id: view.id, shared: !view.shared })}
              >
                {view.shared ? "Stop sharing" : "Share with the team"}
              </Button>
            </>
          ) : null}
          {confirming ? (
            <>
              <span className="text-[12px] text-zinc-800">Delete &ldquo;{view.name}&rdquo;{view.shared ? " for everyone" : ""}?</span>
              <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(view.id)}>
                Delete view
              </Button>
              <Button onClick={() => setConfirming(false)}>Keep it</Button>
            </>
          ) : (
            <Button variant="ghost" aria-label={`Delete ${view.name}`} onClick={() => setConfirming(true)}>
              Delete…
            </Button>
          )}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-[12px] text-red-700">
          {error.message}
        </p>
      ) : null}
    </li>
  );
}
