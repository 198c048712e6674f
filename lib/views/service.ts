import "server-only";
import { randomUUID } from "node:crypto";
import type { Caller } from "@/lib/api/access";
import { AppError } from "@/lib/errors";
import { SHARE_NEEDS, canDeleteView, canEditView, canSeeView, canShareViews } from "./rules";
import { ViewNameTaken, getSavedViewStore } from "./store";
import { MAX_VIEWS_PER_OWNER, type CreateViewBody, type SavedView, type UpdateViewBody } from "./types";

// The saved views' rules (lib/views/rules.ts) applied to requests; the routes only parse and call.

const taken = (name: string) =>
  new AppError("conflict", `You already have a view named "${name}". Choose another name.`, { fields: { name: "You already have a view with this name" } });

function refuseSharing(caller: Caller): void {
  if (!canShareViews(caller.role)) throw new AppError("forbidden", `${SHARE_NEEDS}; ${caller.email} has the ${caller.role} role.`);
}

export async function listViews(caller: Caller): Promise<SavedView[]> {
  return (await getSavedViewStore()).listVisibleTo(caller.email);
}

export async function createView(caller: Caller, body: CreateViewBody): Promise<SavedView> {
  if (body.shared) refuseSharing(caller);
  const store = await getSavedViewStore();
  if ((await store.countOwnedBy(caller.email)) >= MAX_VIEWS_PER_OWNER) {
    throw new AppError("conflict", `You have ${MAX_VIEWS_PER_OWNER} saved views, the most one person may keep. Delete one first.`);
  }
  try {
    return await store.create({ id: randomUUID(), owner: caller.email, name: body.name, query: body.query, shared: body.shared, now: Date.now() });
  } catch (err) {
    if (err instanceof ViewNameTaken) throw taken(body.name);
    throw err;
  }
}

/** A view the caller may see; anyone else's private view is "not found", so its existence is not told. */
async function visibleView(caller: Caller, id: string): Promise<SavedView> {
  const view = await (await getSavedViewStore()).get(id);
  if (!view || !canSeeView(view, caller.email)) throw new AppError("not_found", "No such saved view.");
  return view;
}

export async function updateView(caller: Caller, id: string, body: UpdateViewBody): Promise<SavedView> {
  const view = await visibleView(caller, id);
  if (!canEditView(view, caller.email)) throw new AppError("forbidden", `Only ${view.owner}, who saved this view, can rename it or change its sharing.`);
  if (body.shared) refuseSharing(caller);
  try {
    const updated = await (await getSavedViewStore()).update(id, body, Date.now());
    if (!updated) throw new AppError("not_found", "No such saved view.");
    return updated;
  } catch (err) {
    if (err instanceof ViewNameTaken) throw taken(body.name ?? view.name);
    throw err;
  }
}

export async function deleteView(caller: Caller, id: string): Promise<SavedView> {
  const view = await visibleView(caller, id);
  if (!canDeleteView(view, caller.email, caller.role)) {
    throw new AppError("forbidden", `Only ${view.owner}, who saved this view, or an admin can delete it.`);
  }
  if (!(await (await getSavedViewStore()).delete(id))) throw new AppError("not_found", "No such saved view.");
  return view;
}
