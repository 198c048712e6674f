"use client";

import { useEffect, useId, useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { Revealed } from "@/components/ui/revealed";
import { Dialog } from "@/components/ui/dialog";
import { ActionFailure } from "@/components/ui/action-failure";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import { ApprovalRequestLink, SecondAdminNote } from "@/components/approvals/second-admin-note";
import { DestinationChoices } from "@/components/message-actions/destination-choices";
import { confirmLabel } from "@/components/message-actions/return-policy-words";
import { useReturnPolicy } from "@/components/message-actions/use-return-policy";
import type { Message } from "@/lib/cloudflare/types";
import { MESSAGE_PAGE_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { useShortcuts } from "@/lib/keyboard/use-shortcuts";
import { defaultDestination, destinationChoice, moveButtonLabel } from "@/lib/message-actions/destinations";
import { moveEligibility, releaseEligibility, type Eligibility } from "@/lib/message-actions/eligibility";
import { primaryAction, releaseMayLead } from "@/lib/message-actions/primary";
import { recipientsOf } from "@/lib/messages/message-view";
import { useMessageAction, type MessageActionInput, type ReclassifyDisposition } from "@/lib/queries/message";
import { RECLASSIFY_DISPOSITIONS, type Destination } from "@/lib/schemas/enums";
import { EvidenceButton } from "./evidence-button";

type Kind = MessageActionInput["kind"];

const VERB: Record<Kind, { title: string; progress: string; done: string }> = {
  move: { title: "Move message", progress: "Moving…", done: "Move" },
  release: { title: "Release message", progress: "Releasing…", done: "Release" },
  reclassify: { title: "Reclassify message", progress: "Sending reclassification…", done: "Reclassification" },
};

function defaultExpected(current: Message["final_disposition"]): ReclassifyDisposition {
  // The usual correction: a flagged message was clean, or a clean one was not.
  return current === "NONE" || !current ? "MALICIOUS" : "NONE";
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "its recipients";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Move, Release and Reclassify for one message. The actions follow the message's state: the one
 * that makes sense is the primary button (Release for a quarantined message, Move otherwise), but
 * never Release on MALICIOUS, MALICIOUS-BEC or SPOOF mail, whose release dialog also says what it
 * delivers; one that cannot succeed is disabled with the reason beside it. The move dialog starts on
 * the folder the verdict calls for (a threat where the user cannot open it). Each opens a dialog that states
 * exactly what will happen, with a confirm button named after it ("Move to Junk"). Buttons stay
 * disabled while the request is in flight, the outcome is announced on the page with a way on to
 * the next message of the results (`onNext`), and a failure keeps the dialog open with
 * Cloudflare's words.
 */
export function MessageActionBar({ message, onNext }: { message: Message; onNext?: () => void }) {
  const permission = usePermission("act");
  const action = useMessageAction(message.id);
  const [open, setOpen] = useState<Kind | null>(null);
  // The folder follows the verdict: a threat starts where the user cannot open it.
  const [destination, setDestination] = useState<Destination>(() => defaultDestination([message.final_disposition]));
  const [expected, setExpected] = useState<ReclassifyDisposition>(() => defaultExpected(message.final_disposition));
  const [notice, setNotice] = useState<{ ok: boolean; text: string; approvalId?: string } | null>(null);
  const noteId = useId();
  const inFlight = action.isPending;
  const recipients = message.client_recipients?.length ? message.client_recipients : recipientsOf(message);
  const allowed: Record<Kind, Eligibility> = {
    move: moveEligibility(message),
    release: releaseEligibility(message),
    reclassify: { ok: true },
  };
  // Never Release on a known threat: then no button is filled (lib/message-actions/primary.ts).
  const primary = primaryAction({ disposition: message.final_disposition, moveOk: allowed.move.ok, releaseOk: allowed.release.ok });
  const releaseIsRisky = !releaseMayLead(message.final_disposition);
  const policy = useReturnPolicy([message], open === "release" || (open === "move" && destination === "Inbox"));

  const openDialog = (kind: Kind) => {
    if (!permission.allowed || inFlight || !allowed[kind].ok) return;
    action.reset();
    setNotice(null);
    if (kind === "move") setDestination(defaultDestination([message.final_disposition]));
    setOpen(kind);
  };

  // Triage speed: the dialog opens with Confirm focused, so `m` then Enter moves to the folder
  // shown, and a digit picks another folder first (m, 3, Enter). Runs after the Dialog has
  // mounted and taken focus itself.
  useEffect(() => {
    if (open !== "move") return;
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="dialog"] [data-autofocus]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);

  const openByKey = (kind: Kind) => {
    if (!permission.allowed) {
      setNotice({ ok: false, text: `${VERB[kind].done} is not available to you: ${permission.reason ?? "missing role"}.` });
    } else {
      const eligibility = allowed[kind];
      if (!eligibility.ok) {
        setNotice({ ok: false, text: `${VERB[kind].done} is not possible for this message: ${eligibility.reason}.` });
        return;
      }
      openDialog(kind);
    }
  };
  useShortcuts(MESSAGE_PAGE_SHORTCUTS, {
    move: () => openByKey("move"),
    release: () => openByKey("release"),
    reclassify: () => openByKey("reclassify"),
  });

  const close = () => {
    if (!inFlight) setOpen(null);
  };

  const confirm = () => {
    if (!open || inFlight) return;
    const input: MessageActionInput =
      open === "move"
        ? { kind: "move", destination }
        : open === "release"
          ? { kind: "release", aliases: [message.postfix_id, message.message_id] }
          : { kind: "reclassify", expected };
    action.mutate(input, {
      onSuccess: ({ kind, outcome }) => {
        setOpen(null);
        setNotice(
          outcome.approvalId
            ? { ok: true, text: sentence(outcome.detail), approvalId: outcome.approvalId }
            : { ok: outcome.ok, text: outcome.ok ? sentence(outcome.detail) : `${VERB[kind].done} did not succeed. ${sentence(outcome.detail)}` },
        );
      },
    });
  };

  // Why each action cannot be taken now: the person's role first (one note for all three), then
  // the message's state (a note per action).
  const roleReason = permission.allowed ? undefined : (permission.reason ?? "missing role");
  const reasonFor = (kind: Kind): string | undefined => {
    if (roleReason) return roleReason;
    const eligibility = allowed[kind];
    return eligibility.ok ? undefined : eligibility.reason;
  };
  const actionButton = (kind: Kind, label: string, key: string) => {
    const reason = reasonFor(kind);
    return (
      <Button
        key={kind}
        variant={kind === primary && !reason ? "primary" : "secondary"}
        aria-keyshortcuts={key}
        onClick={() => openDialog(kind)}
        disabled={inFlight || reason !== undefined}
        title={reason}
        aria-describedby={roleReason ? noteId : reason ? `${noteId}-${kind}` : undefined}
      >
        {label}
      </Button>
    );
  };
  const order: Kind[] = allowed.release.ok && !allowed.move.ok ? ["release", "move", "reclassify"] : ["move", "release", "reclassify"];
  const labels: Record<Kind, [string, string]> = { move: ["Move…", "m"], release: ["Release…", "r"], reclassify: ["Reclassify…", "c"] };
  const blocked = order.filter((kind) => reasonFor(kind) !== undefined);

  return (
    <section aria-label="Actions" className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        {order.map((kind) => actionButton(kind, ...labels[kind]))}
        <EvidenceButton messageId={message.id} />
        {inFlight ? (
          <span role="status" className="text-[12px] text-zinc-600">
            {open ? VERB[open].progress : "Working…"}
          </span>
        ) : null}
        {roleReason ? (
          <p id={noteId} className="text-[12px] text-zinc-600">
            Move, release and reclassify: {roleReason.toLowerCase()}.
          </p>
        ) : blocked.length > 0 ? (
          <ul className="flex flex-wrap gap-x-3 text-[12px] text-zinc-600">
            {blocked.map((kind) => (
              <li key={kind} id={`${noteId}-${kind}`}>
                {VERB[kind].done}: {reasonFor(kind)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {notice ? (
        <div
          role={notice.ok ? "status" : "alert"}
          className={`flex items-start gap-2 rounded border px-3 py-1.5 text-[12px] ${
            notice.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"
          }`}
        >
          <span className="flex-1">
            {notice.text} {notice.approvalId ? <ApprovalRequestLink id={notice.approvalId} /> : null}
          </span>
          {notice.ok && onNext ? (
            <Button variant="primary" className="h-5 px-1.5" aria-keyshortcuts="j" onClick={onNext}>
              Next message →
            </Button>
          ) : null}
          <Button variant="ghost" className="h-5 px-1" aria-label="Dismiss notice" onClick={() => setNotice(null)}>
            ×
          </Button>
        </div>
      ) : null}

      <Dialog
        open={open !== null}
        onClose={close}
        title={open ? VERB[open].title : ""}
        dismissible={!inFlight}
        alert={action.error && open ? <ActionFailure title={`${VERB[open].done} failed`} error={action.error} /> : null}
        footer={
          <>
            <Button onClick={close} disabled={inFlight}>
              Cancel
            </Button>
            <Button
              variant={(open === "move" && destinationChoice(destination).destructive) || (open === "release" && releaseIsRisky) ? "danger" : "primary"}
              onClick={confirm}
              disabled={inFlight}
              data-autofocus
            >
              {open === "move"
                ? confirmLabel(moveButtonLabel(destination), "Move", policy.preview)
                : open === "release"
                  ? confirmLabel("Release and deliver", "Release", policy.preview)
                  : `Reclassify as ${expected}`}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-2">
          <p className="font-medium break-words">
            <Revealed text={message.subject} fallback="(no subject)" />
          </p>
          <SecondAdminNote text={policy.note} />
          {open === "move" ? (
            <>
              <DestinationChoices value={destination} onChange={setDestination} disabled={inFlight} />
              <p>
                The message will be moved to the <strong>{destinationChoice(destination).label}</strong> folder in the mailbox of{" "}
                <Revealed text={listOf(recipients)} />: {destinationChoice(destination).consequence}. Cloudflare records the move in the action log.
              </p>
            </>
          ) : open === "release" ? (
            <p>
              {policy.preview?.now === 0 ? "Once another admin approves, the" : "The"} message will be released from quarantine and delivered to{" "}
              <Revealed text={listOf(recipients)} />.
              {releaseIsRisky ? (
                <strong className="text-red-800"> Cloudflare judged it {message.final_disposition}: releasing it delivers a known threat.</strong>
              ) : null}{" "}
              Cloudflare records the release in the action log.
            </p>
          ) : open === "reclassify" ? (
            <>
              <Field label="Expected disposition">
                {(props) => (
                  <select
                    {...props}
                    value={expected}
                    disabled={inFlight}
                    onChange={(e) => setExpected(e.target.value as ReclassifyDisposition)}
                    className={`${inputClass} w-64`}
                  >
                    <Options values={RECLASSIFY_DISPOSITIONS} />
                  </select>
                )}
              </Field>
              <p>
                Cloudflare will be asked to re-evaluate the message as <strong>{expected}</strong> (its verdict is now{" "}
                {message.final_disposition ?? "unknown"}). The verdict changes only if Cloudflare agrees, which can take a
                while; the request shows in the action log.
              </p>
            </>
          ) : null}
          {inFlight && open ? (
            <p role="status" className="text-zinc-600">
              {VERB[open].progress}
            </p>
          ) : null}
        </div>
      </Dialog>
    </section>
  );
}
