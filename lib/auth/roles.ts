import { z } from "zod";

// Client-safe: the UI reads roles to hide or disable what a user may not do.

export const ROLES = ["viewer", "analyst", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** What a route or a control needs. */
export type Permission = "read" | "act" | "admin";

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
export const ROLE_FOR: Record<Permission, Role> = { read: "viewer", act: "analyst", admin: "admin" };

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && RANK[role] >= RANK[ROLE_FOR[permission]];
}

/** Why a control is disabled, in words the user can act on. */
export function missingRoleReason(permission: Permission): string {
  return `Needs the ${ROLE_FOR[permission]} role`;
}
