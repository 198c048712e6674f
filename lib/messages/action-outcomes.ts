/**
 * Turns move/release responses into one outcome per requested message. Cloudflare's move result
 * items are per recipient and their `message_id` may be the investigate id or the postfix id, so
 * matching is tolerant: by id first, then by position when the counts line up.
 */

export interface MoveResultItem {
  success?: boolean;
  message_id?: string | null;
  destination?: string | null;
  recipient?: string | null;
  status?: string | null;
  completed_at?: string | null;
}

export interface ReleaseResultItem {
  id?: string | null;
  delivered?: string[] | null;
  failed?: string[] | null;
  undelivered?: string[] | null;
}

export interface ActionOutcome {
  id: string;
  ok: boolean;
  /** Short words for the analyst: "Moved to JunkEmail", "Failed: mailbox not found". */
  detail: string;
  /** Not acted on: sent for a second admin's approval in this request (lib/approvals/release-policy.ts). */
  approvalId?: string;
}

/** What the release and move routes answer besides per-message results: the request made for held messages. */
export interface HeldForApproval {
  id: string;
  body: { ids: string[] };
  reasons: string[];
}

/**
 * One outcome per id of a release or move reply under the release policy: held ids name the
 * approval request, the others come from Cloudflare's results (`acted`).
 */
export function withHeld(
  ids: readonly string[],
  approval: HeldForApproval | null | undefined,
  acted: (ids: string[]) => ActionOutcome[],
): ActionOutcome[] {
  const held = new Set(approval?.body.ids ?? []);
  const done = new Map(acted(ids.filter((id) => !held.has(id))).map((o) => [o.id, o]));
  return ids.map((id) =>
    held.has(id)
      ? { id, ok: false, approvalId: approval!.id, detail: `Sent for approval: ${approval!.reasons.join(" ")}` }
      : done.get(id)!,
  );
}

/** Aliases under which a response may name a message (its postfix id, its Message-ID header). */
export type IdAliases = Record<string, readonly (string | null | undefined)[]>;

function matcher(aliases: IdAliases | undefined) {
  return (id: string, candidate: string | null | undefined) =>
    !!candidate && (candidate === id || (aliases?.[id] ?? []).some((a) => !!a && a === candidate));
}

export function moveOutcomes(
  ids: readonly string[],
  destination: string,
  results: readonly MoveResultItem[],
  aliases?: IdAliases,
): ActionOutcome[] {
  const matches = matcher(aliases);
  return ids.map((id, index) => {
    let mine = results.filter((r) => matches(id, r.message_id));
    // One item per message, in request order, is the common shape when ids are not echoed back.
    const positional = results.length === ids.length ? results[index] : undefined;
    if (mine.length === 0 && positional && !ids.some((other) => other !== id && matches(other, positional.message_id))) {
      mine = [positional];
    }
    if (mine.length === 0) return { id, ok: false, detail: "Failed: no result returned for this message" };
    const failed = mine.filter((r) => r.success !== true);
    if (failed.length === 0) return { id, ok: true, detail: `Moved to ${mine[0]?.destination || destination}` };
    const reasons = [...new Set(failed.map((r) => r.status || "move failed"))];
    const who = failed.map((r) => r.recipient).filter(Boolean);
    return {
      id,
      ok: false,
      detail: `Failed: ${reasons.join("; ")}${who.length > 0 ? ` (${who.join(", ")})` : ""}`,
    };
  });
}

export function releaseOutcomes(
  ids: readonly string[],
  results: readonly ReleaseResultItem[],
  aliases?: IdAliases,
): ActionOutcome[] {
  const matches = matcher(aliases);
  return ids.map((id, index) => {
    const byId = results.find((r) => matches(id, r.id));
    const positional = results.length === ids.length ? results[index] : undefined;
    const item =
      byId ?? (positional && !ids.some((other) => other !== id && matches(other, positional.id)) ? positional : undefined);
    if (!item) return { id, ok: false, detail: "Failed: no result returned for this message" };
    const failed = item.failed ?? [];
    const undelivered = item.undelivered ?? [];
    const delivered = item.delivered ?? [];
    if (failed.length > 0) return { id, ok: false, detail: `Failed for ${failed.join(", ")}` };
    if (undelivered.length > 0) return { id, ok: false, detail: `Not delivered to ${undelivered.join(", ")}` };
    return {
      id,
      ok: true,
      detail: delivered.length > 0 ? `Released to ${delivered.join(", ")}` : "Released",
    };
  });
}
