"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { PendingApprovalCount } from "@/components/approvals/pending-count";
import { useCurrentUser } from "@/components/auth/current-user";
import { can, type Permission } from "@/lib/auth/roles";

const LINKS: { href: string; label: string; permission: Permission }[] = [
  { href: "/messages", label: "Messages", permission: "read" },
  { href: "/bulk", label: "Bulk jobs", permission: "read" },
  { href: "/policies", label: "Policies", permission: "read" },
  { href: "/submissions", label: "Submissions", permission: "read" },
  { href: "/phishguard", label: "PhishGuard", permission: "read" },
  { href: "/audit", label: "Audit", permission: "admin" },
];

export function AppNav() {
  const pathname = usePathname();
  const user = useCurrentUser();
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      {LINKS.filter((link) => can(user?.role, link.permission)).map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`rounded px-2 py-1 text-[13px] font-medium ${
              current ? "bg-zinc-800 text-white" : "text-zinc-300 hover:bg-zinc-800 hover:text-white"
            }`}
          >
            {link.label}
            {link.href === "/bulk" ? <PendingApprovalCount /> : null}
          </Link>
        );
      })}
    </nav>
  );
}
