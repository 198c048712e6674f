"use client";

import { signOut } from "next-auth/react";
import { useCurrentUser } from "./current-user";

export function UserMenu() {
  const user = useCurrentUser();
  if (!user) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-[13px] text-zinc-300">
      <span>
        {user.email} <span className="rounded bg-zinc-800 px-1.5 py-0.5 text-[11px] uppercase tracking-wide">{user.role}</span>
      </span>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/signin" })}
        className="rounded px-2 py-1 font-medium text-zinc-200 hover:bg-zinc-800 hover:text-white focus-visible:outline-2 focus-visible:outline-blue-500"
      >
        Sign out
      </button>
    </div>
  );
}
