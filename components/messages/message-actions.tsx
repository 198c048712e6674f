"use client";

import { Revealed } from "@/components/ui/revealed";
import { useCallback, useId, useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ActionFailure } from "@/components/ui/action-failure";
import { ApprovalRequestLink, SecondAdminNote } from "@/components/approvals/second-admin-note";
import { DestinationChoices } from "@/components/message-actions/destination-choices";
import { confirmLabel, heldSummary, releaseNote } from "@/components/message-actions/return-policy-words";
import { useReturnPolicy } from "@/components/message-actions/use-return-policy";
import { defaultDestination, destinationChoice, moveButtonLabel } from "@/lib/message-actions/destinations";
import { describeBlocked, selectionEligibility, type SelectionEligibility } from "@/lib/message-actions/eligibility";
import type { ActionOutcome, IdAliases } from "@/lib/messages/action-outcomes";
import { revealHidden } from "@/lib/text/reveal";
import type { Message } from "@/lib/cloudflare/types";
import { useMoveMessages, useReleaseMessages } from "@/lib/queries/messages";
import type { Destination } from "@/lib/schemas/enums";

type Pending = { kind: "move"; destination: Destination } | { kind: "release" };

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Names a message may go by in a response, so outcomes can be matched back to rows. */
function aliasesOf(messages: readonly Message[]): IdAliases {
  return Object.fromEntries(messages.map((m) => [m.id, [m.postfix_id, m.message_id]]));
}

/** "1 can be moved (1 quarantined: release first)": what an action would do to the selection, before the dialog. */
function canSay(e: SelectionEligibility<Message>, verb: string): string {
  const blocked = describeBlocked(e.blocked);
  return `${e.eligible.length} can be ${verb}${blocked ? ` (${blocked})` : ""}`;
}

/**
 * The bar that appears with a selection: Move (to a destination) and Release, each behind a
 * confirmation stating how many messages and where, then the outcome per message. It says up
 * front how many of the selection each action can act on and why not the rest
 * (lib/message-actions/eligibility.ts); an action none of them allows is disabled, and a mixed
 * selection acts on the ones it can. It lays itself over its container (the results toolbar),
 * so ticking the first box does not push the table down.
 */
export function MessageActions({ selected, onClearSelection }: { selected: Message[]; onClearSelection: () => void }) {
  const [pending, setPending] = useState<Pending | null>(null);
  // The messages the dialog is about, fixed when it opens: the list may refresh underneath.
  const [targets, setTargets] = useState<Message[]>([]);
  const [skipped, setSkipped] = useState(0);
  const act = usePermission("act");
  const movable = selectionEligibility("move", selected);
  const releasable = selectionEligibility("release", selected);
  const moveNoteId = useId();
  const releaseNoteId = useId();
  const move = useMoveMessages();
  const release = useReleaseMessages();
  const mutation = pending?.kind === "release" ? release : move;
  const inFlight = move.isPending || release.isPending;
  const outcomes: ActionOutcome[] | undefined = mutation.data;
  // The release policy, said before the click: which of the targets will wait for a second admin.
  const returning = pending?.kind === "release" || (pending?.kind === "move" && pending.destination === "Inbox");
  const policy = useReturnPolicy(targets, returning && !outcomes);

  const open = (p: Pending) => {
    move.reset();
    release.reset();
    // Only what the action can succeed for: the rest were named in the bar, and are again in the dialog.
    setTargets((p.kind === "move" ? movable : releasable).eligible);
    setSkipped(selected.length - (p.kind === "move" ? movable : releasable).eligible.length);
    setPending(p);
  };
  // The dialog is where the folder is chosen; it starts on the one the verdicts call for.
  const chooseDestination = useCallback((next: Destination) => {
    setPending((p) => (p?.kind === "move" ? { kind: "move", destination: next } : p));
  }, []);
  const close = () => {
    if (inFlight) return;
    if (outcomes) onClearSelection();
    setPending(null);
  };
  const confirm = () => {
    if (!pending || inFlight) return;
    const ids = targets.map((m) => m.id);
    const aliases = aliasesOf(targets);
    if (pending.kind === "move") move.mutate({ ids, destination: pending.destination, aliases });
    else release.mutate({ ids, aliases });
  };

  if (selected.length === 0 && !pending) return null;

  const verb = pending?.kind === "release" ? "Release" : "Move";
  const title = pending
    ? pending.kind === "move"
      ? `Move ${plural(targets.length, "message")}`
      : `Release ${plural(targets.length, "message")}`
    : "";
  const succeeded = outcomes?.filter((o) => o.ok).length ?? 0;
  const subjectOf = new Map(targets.map((m) => [m.id, m.subject ? revealHidden(m.subject) : "(no subject)"]));

  return (
    <>
      {selected.length > 0 ? (
        <div
          role="region"
          aria-label="Selection actions"
          className="absolute inset-0 z-10 flex items-center gap-2 rounded border border-blue-200 bg-blue-50 px-2.5"
        >
          <p className="min-w-0 truncate text-[12px] text-zinc-800" title={`${plural(selected.length, "message")} selected · ${canSay(movable, "moved")} · ${canSay(releasable, "released")}`}>
            <span className="font-medium text-blue-900">{plural(selected.length, "message")} selected</span>
            {" · "}
            <span id={moveNoteId}>{canSay(movable, "moved")}</span>
            {" · "}
            <span id={releaseNoteId}>{releaseNote(canSay(releasable, "released"), releasable.eligible)}</span>
          </p>
          <span className="h-4 w-px shrink-0 bg-blue-200" aria-hidden="true" />
          <Button
            variant={movable.eligible.length > 0 ? "primary" : "secondary"}
            disabled={inFlight || !act.allowed || movable.eligible.length === 0}
            title={act.reason}
            aria-describedby={moveNoteId}
            onClick={() => open({ kind: "move", destination: defaultDestination(movable.eligible.map((m) => m.final_disposition)) })}
          >
            Move…
          </Button>
          <Button
            disabled={inFlight || !act.allowed || releasable.eligible.length === 0}
            title={act.reason}
            aria-describedby={releaseNoteId}
            onClick={() => open({ kind: "release" })}
          >
            Release…
          </Button>
          {act.reason ? <span className="shrink-0 text-[12px] text-zinc-600">{act.reason} to move or release.</span> : null}
          <Button variant="ghost" disabled={inFlight} onClick={onClearSelection}>
            Clear selection
          </Button>
        </div>
      ) : null}

      <Dialog
        open={pending !== null}
        onClose={close}
        title={outcomes ? `${verb} finished` : title}
        dismissible={!inFlight}
        alert={mutation.error && !outcomes ? <ActionFailure title={`${verb} failed`} error={mutation.error} onRetry={confirm} retrying={inFlight} /> : null}
        footer={
          outcomes ? (
            <Button variant="primary" onClick={close}>
              Close
            </Button>
          ) : (
            <>
              <Button onClick={close} disabled={inFlight}>
                Cancel
              </Button>
              <Button
                variant={pending?.kind === "move" && destinationChoice(pending.destination).destructive ? "danger" : "primary"}
                onClick={confirm}
                disabled={inFlight}
              >
                {inFlight
                  ? `${verb === "Move" ? "Moving" : "Releasing"}…`
                  : confirmLabel(
                      pending?.kind === "move" ? moveButtonLabel(pending.destination, targets.length) : `Release ${plural(targets.length, "message")}`,
                      pending?.kind === "move" ? "Move" : "Release",
                      policy.preview,
                    )}
              </Button>
            </>
          )
        }
      >
        {outcomes ? (
          <div className="flex flex-col gap-2">
            <p role="status">
              {`${plural(succeeded, "message")} ${pending?.kind === "release" ? "released" : "moved"}, ${outcomes.filter((o) => !o.ok && !o.approvalId).length} failed.`}
              {heldSummary(outcomes)}
            </p>
            {[...new Set(outcomes.flatMap((o) => (o.approvalId ? [o.approvalId] : [])))].map((id) => (
              <p key={id}>
                <ApprovalRequestLink id={id} />
              </p>
            ))}
            <ul aria-label="Outcome per message" className="divide-y divide-zinc-100 rounded border border-zinc-200">
              {outcomes.map((o) => (
                <li key={o.id} className="flex items-start gap-2 px-2 py-1.5">
                  <Badge tone={o.ok ? "success" : o.approvalId ? "warning" : "danger"}>
                    {o.ok ? (pending?.kind === "release" ? "released" : "moved") : o.approvalId ? "sent for approval" : "failed"}
                  </Badge>
                  <span className="min-w-0">
                    <span className="block truncate font-medium">{subjectOf.get(o.id) ?? o.id}</span>
                    <span className="block text-zinc-600">{o.detail}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="flex flex-col gap-2">
            {pending?.kind === "move" ? (
              <DestinationChoices
                value={pending.destination}
                onChange={chooseDestination}
                disabled={inFlight}
              />
            ) : null}
            <p>
              {pending?.kind === "move"
                ? `${plural(policy.preview?.now ?? targets.length, "message")} will be moved to ${destinationChoice(pending.destination).label} in the recipients' mailboxes${policy.preview?.needApproval ? " now" : ""}: ${destinationChoice(pending.destination).consequence}.`
                : `${plural(policy.preview?.now ?? targets.length, "message")} will be released from quarantine and delivered to their recipients${policy.preview?.needApproval ? " now" : ""}.`}
            </p>
            <SecondAdminNote text={policy.note} />
            {skipped > 0 ? (
              <p className="text-zinc-700">
                {plural(skipped, "other selected message")} {skipped === 1 ? "is" : "are"} left out:{" "}
                {describeBlocked((pending?.kind === "release" ? releasable : movable).blocked)}.
              </p>
            ) : null}
            <ul className="max-h-40 list-disc overflow-auto pl-5 text-zinc-700">
              {targets.slice(0, 10).map((m) => (
                <li key={m.id} className="truncate">
                  <Revealed text={m.subject} fallback="(no subject)" />
                </li>
              ))}
              {targets.length > 10 ? <li className="list-none text-zinc-500">and {targets.length - 10} more</li> : null}
            </ul>
          </div>
        )}
      </Dialog>
    </>
  );
}
