"use client";

import { useState } from "react";
import { signOut } from "@/lib/browser/sign-out";
import { endMySessions } from "@/lib/queries/sessions";
import { useCurrentUser } from "./current-user";

const buttonClass =
  "rounded px-2 py-1 font-medium text-zinc-200 hover:bg-zinc-800 hover:text-white focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-50";

export function UserMenu() {
  const user = useCurrentUser();
  const [ending, setEnding] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  if (!user) return null;

  const signOutEverywhere = async () => {
    setEnding(true);
    setFailed(null);
    try {
      await endMySessions();
    } catch (err) {
      setEnding(false);
      setFailed(err instanceof Error ? err.message : "Could not sign out everywhere.");
      return;
    }
    // This browser's session is already ended on the server; next-auth clears what is left here.
    const refused = await signOut();
    if (refused) {
      setEnding(false);
      setFailed(refused);
    }
  };

  const signOutThisBrowser = async () => {
    setLeaving(true);
    setFailed(null);
    const refused = await signOut();
    if (refused) {
      setLeaving(false);
      setFailed(refused);
    }
  };

  return (
    <div className="ml-auto flex items-center gap-3 text-[13px] text-zinc-300">
      <span>
        {user.email} <span className="rounded bg-zinc-800 px-1.5 py-0.5 text-[11px] uppercase tracking-wide">{user.role}</span>
      </span>
      {failed ? (
        <span role="alert" className="text-[12px] text-red-300">
          {failed}
        </span>
      ) : null}
      <button
        type="button"
        onClick={signOutEverywhere}
        disabled={ending}
        title="Ends your sessions in every browser and device, this one included"
        className={buttonClass}
      >
        {ending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
      <button type="button" onClick={signOutThisBrowser} disabled={leaving} className={buttonClass}>
        {leaving ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
