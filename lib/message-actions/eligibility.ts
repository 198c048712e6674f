/**
 * Which messages a move or a release can succeed for, decided from what the list and the message
 * page already know (delivery status and the quarantine flag), so the console can say so before
 * the analyst confirms rather than after ("0 moved, 2 failed").
 *
 * The rule is Cloudflare's as the simulator implements it (lib/simulator/mutations.ts,
 * `moveBlocker` / `releaseBlocker`):
 * - move acts on a copy in a mailbox: a quarantined message must be released first; a rejected or
 *   bounced one never arrived; a queued or deferred one has not arrived yet. Delivered, moved and
 *   move_failed (a retry) can be moved.
 * - release acts on quarantine only.
 * A status the console does not know is left to Cloudflare to judge: offered, never refused here.
 */

export type MessageActionKind = "move" | "release";

/** What the rule reads; the one `Message` type has it, in a list row and on the message page alike. */
export interface ActionableMessage {
  is_quarantined?: boolean | null;
  delivery_status?: readonly string[] | null;
}

export type Eligibility = { ok: true } | { ok: false; reason: string };

const OK: Eligibility = { ok: true };

function isQuarantined(m: ActionableMessage): boolean {
  return m.is_quarantined === true || (m.delivery_status ?? []).includes("quarantined");
}

/** Statuses that leave no copy in a mailbox to move, with the reason in the analyst's words. */
const NOT_IN_MAILBOX: Readonly<Record<string, string>> = {
  rejected: "rejected: never delivered",
  bounced: "bounced: never delivered",
  queued: "queued: not delivered yet",
  deferred: "deferred: not delivered yet",
};

export function moveEligibility(m: ActionableMessage): Eligibility {
  if (isQuarantined(m)) return { ok: false, reason: "quarantined: release first" };
  // The simulator (and Cloudflare's reply) judge by the first status; so does this.
  const status = m.delivery_status?.[0];
  const reason = status ? NOT_IN_MAILBOX[status] : undefined;
  return reason ? { ok: false, reason } : OK;
}

export function releaseEligibility(m: ActionableMessage): Eligibility {
  if (isQuarantined(m)) return OK;
  const status = m.delivery_status?.[0];
  return { ok: false, reason: status ? `${status}: not in quarantine` : "not in quarantine" };
}

export function eligibility(action: MessageActionKind, m: ActionableMessage): Eligibility {
  return action === "move" ? moveEligibility(m) : releaseEligibility(m);
}

export interface SelectionEligibility<M> {
  /** The messages the action can succeed for, in selection order. */
  eligible: M[];
  /** How many cannot, per reason, most frequent first: "1 quarantined: release first". */
  blocked: { reason: string; count: number }[];
}

/** Splits a selection into what an action can act on and why the rest cannot. */
export function selectionEligibility<M extends ActionableMessage>(action: MessageActionKind, messages: readonly M[]): SelectionEligibility<M> {
  const eligible: M[] = [];
  const counts = new Map<string, number>();
  for (const m of messages) {
    const e = eligibility(action, m);
    if (e.ok) eligible.push(m);
    else counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
  }
  const blocked = [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  return { eligible, blocked };
}

/** "1 quarantined: release first; 2 rejected: never delivered", or "" when nothing is blocked. */
export function describeBlocked(blocked: SelectionEligibility<unknown>["blocked"]): string {
  return blocked.map((b) => `${b.count} ${b.reason}`).join("; ");
}
