"use client";

import { useCurrentUser } from "@/components/auth/current-user";
import { can } from "@/lib/auth/roles";
import { usePendingApprovalCount } from "@/lib/queries/approvals";

/** The navigation's count of bulk jobs waiting for a second admin (admins only; nothing at zero). */
export function PendingApprovalCount() {
  const user = useCurrentUser();
  const admin = can(user?.role, "admin");
  const count = usePendingApprovalCount(admin);
  if (!admin || !count.data) return null;
  return (
    <span className="ml-1 rounded-full bg-amber-400 px-1.5 text-[11px] font-semibold text-zinc-950" aria-label={`${count.data} waiting for approval`}>
      {count.data}
    </span>
  );
}
