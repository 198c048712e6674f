"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useCurrentUser } from "@/components/auth/current-user";
import { ActionMenu, ActionMenuGroup, ActionMenuItem, ActionMenuLink, ActionMenuNote, ActionMenuSeparator } from "@/components/ui/action-menu";
import { useSavedViews } from "@/lib/queries/views";
import { DELIVERED_THREATS } from "@/lib/views/presets";
import { canonicalViewQuery, viewHref } from "@/lib/views/query";
import { canDeleteView, canEditView, canShareViews } from "@/lib/views/rules";
import { ManageViewsDialog } from "./manage-views-dialog";
import { SaveViewDialog } from "./save-view-dialog";

/**
 * The search page's "Views" menu: save the search on screen, the built-in presets, my views and
 * the team's shared ones, each a link to `/messages?<its query>`. The view being shown is marked.
 */
export function ViewsMenu() {
  const search = useSearchParams().toString();
  const current = useMemo(() => canonicalViewQuery(search), [search]);
  const user = useCurrentUser();
  const views = useSavedViews();
  const [dialog, setDialog] = useState<"save" | "manage" | null>(null);

  const all = views.data ?? [];
  const mine = user ? all.filter((v) => canEditView(v, user.email)) : [];
  const team = all.filter((v) => !mine.includes(v));
  const manageable = user ? all.some((v) => canEditView(v, user.email) || canDeleteView(v, user.email, user.role)) : false;
  const isCurrent = (query: string) => current.ok && current.query === query;

  return (
    <>
      {/* Opening the menu asks again: a teammate may have shared a view since. */}
      <ActionMenu label="Views" onOpenChange={(open) => open && void views.refetch()}>
        <ActionMenuItem disabled={!current.ok} onSelect={() => setDialog("save")}>
          Save current view…
        </ActionMenuItem>
        {!current.ok ? <ActionMenuNote>This search cannot be saved: {current.message}</ActionMenuNote> : null}
        <ActionMenuItem disabled={!manageable} onSelect={() => setDialog("manage")}>
          Manage my views…
        </ActionMenuItem>
        <ActionMenuSeparator />
        <ActionMenuGroup label={DELIVERED_THREATS.title}>
          {DELIVERED_THREATS.presets.map((preset) => (
            <ActionMenuLink key={preset.id} href={viewHref(preset.query)} current={isCurrent(preset.query)}>
              {preset.name}
            </ActionMenuLink>
          ))}
          <ActionMenuNote>{DELIVERED_THREATS.note}</ActionMenuNote>
        </ActionMenuGroup>
        <ActionMenuSeparator />
        <ActionMenuGroup label="My views">
          {mine.map((view) => (
            <ActionMenuLink key={view.id} href={viewHref(view.query)} current={isCurrent(view.query)}>
              {view.name}
              {view.shared ? <span className="font-normal text-zinc-600"> · shared</span> : null}
            </ActionMenuLink>
          ))}
          {views.isSuccess && mine.length === 0 ? <ActionMenuNote>None saved yet.</ActionMenuNote> : null}
        </ActionMenuGroup>
        <ActionMenuGroup label="Shared by the team">
          {team.map((view) => (
            <ActionMenuLink key={view.id} href={viewHref(view.query)} current={isCurrent(view.query)}>
              {view.name}
              <span className="font-normal text-zinc-600"> · {view.owner}</span>
            </ActionMenuLink>
          ))}
          {views.isSuccess && team.length === 0 ? <ActionMenuNote>Nobody has shared a view yet.</ActionMenuNote> : null}
        </ActionMenuGroup>
        {views.isPending ? <ActionMenuNote>Loading saved views…</ActionMenuNote> : null}
        {views.isError ? <ActionMenuNote>Saved views could not be loaded: {views.error.message}</ActionMenuNote> : null}
      </ActionMenu>
      {user ? (
        <>
          <SaveViewDialog open={dialog === "save"} query={current.ok ? current.query : ""} canShare={canShareViews(user.role)} onClose={() => setDialog(null)} />
          <ManageViewsDialog open={dialog === "manage"} views={all} user={user} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </>
  );
}
