"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { useId, useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { policyEntryHref } from "@/lib/policies/links";
import type { AllowPolicy, Covering, PolicyEntry } from "@/lib/policies/types";
import { useSenderStatus } from "@/lib/queries/policies";
import { ALLOW_KIND_TEXT } from "./allow-kinds";
import { SenderPolicyDialog, type SenderPolicyMode, type SenderPolicySource } from "./sender-policy-dialog";

/** What matched, in words: "this address", or the domain (or parent domain) the entry names. */
const matched = ({ entry, match }: Covering<PolicyEntry>) => (match === "address" ? "this address" : `the domain ${entry.pattern}`);
const kindWords = (p: AllowPolicy) => (p.kind ? ` (${ALLOW_KIND_TEXT[p.kind].label.toLowerCase()})` : "");

/**
 * Next to the sender on the message page: which block or allow entry already covers it, named
 * ("blocked: the domain acme-payro11.test", "blocked: this address") and linking to that entry,
 * and "Block sender…" / "Allow sender…" for those allowed to.
 */
export function SenderPolicies(source: SenderPolicySource) {
  const status = useSenderStatus(source.sender);
  const blockPermission = usePermission("act");
  const allowPermission = usePermission("admin");
  const [open, setOpen] = useState<SenderPolicyMode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noteId = useId();
  if (!source.sender) return null;
  const blocked = status.data?.blocked ?? [];
  const allowed = status.data?.allowed ?? [];
  const reasons = [
    blockPermission.allowed ? null : `Block: ${blockPermission.reason?.toLowerCase()}`,
    allowPermission.allowed ? null : `Allow: ${allowPermission.reason?.toLowerCase()}`,
  ].filter(Boolean);

  return (
    <span className="mt-1 flex flex-col gap-1">
      <span role="group" aria-label="Sender policies" className="flex flex-wrap items-center gap-1.5">
        {blocked.map((c) => (
          <Link key={`b:${c.entry.id ?? c.entry.pattern}`} href={policyEntryHref("blocked", c.entry.pattern)} className="font-medium text-red-800 underline">
            <Revealed text={`blocked: ${matched(c)}`} />
          </Link>
        ))}
        {allowed.map((c) => (
          <Link key={`a:${c.entry.id ?? c.entry.pattern}`} href={policyEntryHref("allowed", c.entry.pattern)} className="font-medium text-emerald-800 underline">
            <Revealed text={`allowed: ${matched(c)}${kindWords(c.entry)}`} />
          </Link>
        ))}
        <Button
          className="h-6"
          disabled={!blockPermission.allowed}
          title={blockPermission.reason}
          aria-describedby={blockPermission.allowed ? undefined : noteId}
          onClick={() => setOpen("block")}
        >
          Block sender…
        </Button>
        <Button
          className="h-6"
          disabled={!allowPermission.allowed}
          title={allowPermission.reason}
          aria-describedby={allowPermission.allowed ? undefined : noteId}
          onClick={() => setOpen("allow")}
        >
          Allow sender…
        </Button>
        {reasons.length > 0 ? (
          <span id={noteId} className="text-[11px] text-zinc-600">
            {reasons.join(" · ")}
          </span>
        ) : null}
      </span>
      {notice ? (
        <span role="status" className="text-[12px] text-emerald-900">
          <Revealed text={notice} />{" "}
          <Link href="/policies" className="text-blue-800 underline">
            Open policies
          </Link>
        </span>
      ) : null}
      {open ? (
        <SenderPolicyDialog
          mode={open}
          source={source}
          onClose={() => setOpen(null)}
          onDone={(text) => {
            setOpen(null);
            setNotice(text);
          }}
        />
      ) : null}
    </span>
  );
}
