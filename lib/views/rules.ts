import { can, type Role } from "@/lib/auth/roles";
import type { SavedView } from "./types";

/**
 * Who may do what with saved views. Client-safe: the server enforces these in lib/views/service.ts
 * and the menu uses the same functions to offer only what will be allowed.
 *
 * - Everyone signed in (viewers too) may save views for themselves: a view is a search they can
 *   already run, and saving one changes nothing in the mail.
 * - Sharing with the team needs the analyst role: a shared view appears in everyone's menu, so it
 *   is curated by the people who triage.
 * - Only the owner renames a view or changes its sharing; the owner deletes it, and an admin may
 *   also delete a shared one (a misleading or stale entry in the team's menu).
 * - Another person's private view does not exist for anyone else (404, not 403).
 */

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function canShareViews(role: Role | undefined): boolean {
  return can(role, "act");
}

export function canSeeView(view: Pick<SavedView, "owner" | "shared">, email: string): boolean {
  return view.shared || sameEmail(view.owner, email);
}

export function canEditView(view: Pick<SavedView, "owner">, email: string): boolean {
  return sameEmail(view.owner, email);
}

export function canDeleteView(view: Pick<SavedView, "owner" | "shared">, email: string, role: Role | undefined): boolean {
  return sameEmail(view.owner, email) || (view.shared && can(role, "admin"));
}

export const SHARE_NEEDS = "Sharing with the team needs the analyst role";
