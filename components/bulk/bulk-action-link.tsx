"use client";

import Link from "next/link";
import { useId } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";

/**
 * The results page's way into a bulk job on its search. Only admins start bulk jobs, so for
 * everyone else it is shown disabled with the reason beside it, rather than leading to a form
 * that refuses after the click.
 */
export function BulkActionLink({ href }: { href: string }) {
  const admin = usePermission("admin");
  const reasonId = useId();
  if (admin.allowed) {
    return (
      <Link
        href={href}
        // A relative range is frozen to the minute; server and browser may straddle one.
        suppressHydrationWarning
        className="inline-flex h-7 items-center rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-800 hover:bg-zinc-100"
      >
        Bulk action on all results
      </Link>
    );
  }
  return (
    <span className="inline-flex items-center gap-1.5">
      <Button disabled aria-describedby={reasonId} title={admin.reason}>
        Bulk action on all results
      </Button>
      <span id={reasonId} className="text-[12px] text-zinc-600">
        {admin.reason}
      </span>
    </span>
  );
}
