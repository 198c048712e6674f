import type { Metadata } from "next";
import { Suspense } from "react";
import { ActiveSessions } from "@/components/audit/active-sessions";
import { AuditTrail } from "@/components/audit/audit-trail";
import { can } from "@/lib/auth/roles";
import { getPageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage() {
  const user = await getPageUser();
  if (!user || !can(user.role, "admin")) {
    return (
      <div role="alert" className="mx-auto mt-10 max-w-lg rounded border border-amber-300 bg-amber-50 p-4">
        <h1 className="font-semibold">The audit trail needs the admin role</h1>
        <p className="mt-1 text-sm">You are signed in as {user?.email} ({user?.role}). Ask an admin for access.</p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <h1 className="text-base font-semibold">Audit trail</h1>
        <p className="text-[12px] text-zinc-600">
          Every move, release, reclassification, preview and bulk-job change made through this console, and every
          sign-in, sign-out, ended session, refusal for lack of a role, raw-message read and audit export: who, when,
          from where, and how it ended. Pending records mean the console stopped before Cloudflare answered.
        </p>
        <Suspense>
          <AuditTrail />
        </Suspense>
      </div>
      <ActiveSessions currentEmail={user.email} />
    </div>
  );
}
