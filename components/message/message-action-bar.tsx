"use client";

import { useEffect, useId, useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Field, inputClass } from "@/components/ui/field";
import { Options } from "@/components/ui/options";
import type { Message } from "@/lib/cloudflare/types";
import { MESSAGE_PAGE_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { useShortcuts } from "@/lib/keyboard/use-shortcuts";
import { isReleasable } from "@/lib/messages/message-facts";
import { recipientsOf } from "@/lib/messages/message-view";
import { ApiError } from "@/lib/queries/http";
import { useMessageAction, type MessageActionInput, type ReclassifyDisposition } from "@/lib/queries/message";
import { DESTINATIONS, RECLASSIFY_DISPOSITIONS, type Destination } from "@/lib/schemas/enums";
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
 * Move, Release and Reclassify for one message. Each opens a dialog that states exactly what
 * will happen; Confirm sends one request. Buttons stay disabled while it is in flight, the
 * outcome is announced on the page, and a failure keeps the dialog open with Cloudflare's words.
 */
export function MessageActionBar({ message }: { message: Message }) {
  const permission = usePermission("act");
  const action = useMessageAction(message.id);
  const [open, setOpen] = useState<Kind | null>(null);
  const [destination, setDestination] = useState<Destination>("JunkEmail");
  const [expected, setExpected] = useState<ReclassifyDisposition>(() => defaultExpected(message.final_disposition));
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const noteId = useId();
  const releasable = isReleasable(message);
  const inFlight = action.isPending;
  const recipients = message.client_recipients?.length ? message.client_recipients : recipientsOf(message);

  const openDialog = (kind: Kind) => {
    if (!permission.allowed || inFlight) return;
    action.reset();
    setNotice(null);
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

  useEffect(() => {
    if (open !== "move" || inFlight) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || !/^[1-9]$/.test(event.key)) return;
      const chosen = DESTINATIONS[Number(event.key) - 1];
      if (!chosen) return;
      event.preventDefault();
      setDestination(chosen);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open, inFlight]);

  const openByKey = (kind: Kind) => {
    if (!permission.allowed) {
      setNotice({ ok: false, text: `${VERB[kind].done} is not available to you: ${permission.reason ?? "missing role"}.` });
    } else if (kind === "release" && !releasable) {
      setNotice({ ok: false, text: "Release is only offered for quarantined messages." });
    } else {
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
        setNotice({ ok: outcome.ok, text: outcome.ok ? sentence(outcome.detail) : `${VERB[kind].done} did not succeed. ${sentence(outcome.detail)}` });
      },
    });
  };

  const disabledReason = permission.allowed ? undefined : permission.reason;
  const buttonProps = {
    disabled: inFlight || !permission.allowed,
    title: disabledReason,
    "aria-describedby": disabledReason ? noteId : undefined,
  };

  return (
    <section aria-label="Actions" className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" aria-keyshortcuts="m" onClick={() => openDialog("move")} {...buttonProps}>
          Move…
        </Button>
        {releasable ? (
          <Button aria-keyshortcuts="r" onClick={() => openDialog("release")} {...buttonProps}>
            Release…
          </Button>
        ) : null}
        <Button aria-keyshortcuts="c" onClick={() => openDialog("reclassify")} {...buttonProps}>
          Reclassify…
        </Button>
        <EvidenceButton messageId={message.id} />
        {inFlight ? (
          <span role="status" className="text-[12px] text-zinc-600">
            {open ? VERB[open].progress : "Working…"}
          </span>
        ) : null}
        {disabledReason ? (
          <p id={noteId} className="text-[12px] text-zinc-600">
            Move, release and reclassify: {disabledReason.toLowerCase()}.
          </p>
        ) : null}
      </div>
      {notice ? (
        <div
          role={notice.ok ? "status" : "alert"}
          className={`flex items-start gap-2 rounded border px-3 py-1.5 text-[12px] ${
            notice.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"
          }`}
        >
          <span className="flex-1">{notice.text}</span>
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
        footer={
          <>
            <Button onClick={close} disabled={inFlight}>
              Cancel
            </Button>
            <Button variant="primary" onClick={confirm} disabled={inFlight} data-autofocus>
              Confirm
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-2">
          <p className="font-medium break-words">{message.subject || "(no subject)"}</p>
          {open === "move" ? (
            <>
              <Field label="Destination">
                {(props) => (
                  <select
                    {...props}
                    value={destination}
                    disabled={inFlight}
                    onChange={(e) => setDestination(e.target.value as Destination)}
                    className={`${inputClass} w-64`}
                  >
                    <Options values={DESTINATIONS} label={(d) => `${DESTINATIONS.indexOf(d) + 1} · ${d}`} />
                  </select>
                )}
              </Field>
              <p>
                The message will be moved to the <strong>{destination}</strong> folder in the mailbox of {listOf(recipients)}.
                Cloudflare records the move in the action log.
              </p>
              <p className="text-[11px] text-zinc-600">
                Press <kbd>1</kbd>–<kbd>{DESTINATIONS.length}</kbd> to choose the folder, <kbd>Enter</kbd> to confirm.
              </p>
              {message.is_quarantined ? (
                <p className="text-amber-900">
                  It is in quarantine, not in a mailbox: Cloudflare is likely to refuse the move. Release it first.
                </p>
              ) : null}
            </>
          ) : open === "release" ? (
            <p>
              The message will be released from quarantine and delivered to {listOf(recipients)}. Cloudflare records the
              release in the action log.
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
          {action.error && open ? (
            <ErrorState
              title={`${VERB[open].done} failed`}
              message={action.error.message}
              detail={action.error instanceof ApiError ? `${action.error.status} ${action.error.code}` : undefined}
            />
          ) : null}
        </div>
      </Dialog>
    </section>
  );
}
