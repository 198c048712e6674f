"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, missingRoleReason, type Permission, type Role } from "@/lib/auth/roles";

export interface CurrentUser {
  email: string;
  role: Role;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ user, children }: { user: CurrentUser | null; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser | null {
  return useContext(CurrentUserContext);
}

/**
 * Whether the signed-in user may do something, and if not, why — for disabling a control with
 * its reason. The server enforces the same rule; this only keeps the UI honest.
 */
export function usePermission(permission: Permission): { allowed: boolean; reason?: string } {
  const user = useCurrentUser();
  const allowed = can(user?.role, permission);
  return allowed ? { allowed } : { allowed, reason: missingRoleReason(permission) };
}
