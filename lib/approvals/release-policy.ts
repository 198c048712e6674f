import "server-only";
import { getMessage, type Message } from "@/lib/cloudflare";
import { AppError } from "@/lib/errors";
import { receivedAt } from "@/lib/messages/message-view";
import { hourlyAllowance, takeReturns } from "./hourly-returns";
import { countsAsDangerous, dangerousReason, hourlyReason, returnsToMailbox } from "./rules";
import { createApprovalRequest } from "./service";
import type { ApprovalRequest, ApprovalSampleRow, ExactIdsBody } from "./types";

// The one release policy for exact messages: every path that returns mail to a mailbox (release,
// move to Inbox; one message or a selection; the page or the bare API) asks planReturn before it
// calls Cloudflare, and acts only on the ids it gives back. Bulk jobs are judged by the same rules
// in service.ts (judgeBulkJob), on the server's own count of their search.
//
// What is decided, and from what:
// - a message Cloudflare classifies MALICIOUS or MALICIOUS-BEC waits for a second admin: its
//   final_disposition is read from Cloudflare here (getMessage, through the console's read cache
//   and in-flight sharing), never taken from the browser;
// - past RETURNS_PER_USER_HOUR messages a person has returned this hour, the rest wait too.
// What waits becomes one approval request for exactly those ids; the rest goes now.

/** Reads at once while deciding: a selection of 100 must not be 100 simultaneous calls. */
const READ_CONCURRENCY = 8;

export type ReturnChange = { action: "RELEASE" } | { action: "MOVE"; destination: string };

export interface ReturnPlan {
  /** The ids to act on now, in the order given. */
  now: string[];
  /** The request made for the rest, if any did not pass. */
  approval: ApprovalRequest | null;
  /** Messages read from Cloudflare to decide (each one read of the account's budget, unless cached). */
  reads: number;
}

function sampleRow(id: string, m: Message | null): ApprovalSampleRow {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    id,
    from: text(m?.from),
    to: Array.isArray(m?.to) ? m.to.join(", ") : text(m?.to),
    subject: text(m?.subject),
    final_disposition: text(m?.final_disposition),
    received_at: m ? receivedAt(m) : null,
  };
}

/** Each message as Cloudflare describes it; null for one it does not know (its action fails there anyway). */
async function readMessages(ids: readonly string[]): Promise<Map<string, Message | null>> {
  const out = new Map<string, Message | null>();
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        out.set(id, await getMessage(id));
      } catch (err) {
        // Anything but "no such message" stops the whole request: the policy cannot be decided blind.
        if (AppError.is(err) && err.status === 404) out.set(id, null);
        else throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
  return out;
}

/**
 * Splits a release or move of exact messages into what may go now and what waits for a second
 * admin (recorded as a request here). A change that does not return mail to a mailbox passes whole.
 */
export async function planReturn(change: ReturnChange, ids: readonly string[], requestedBy: string): Promise<ReturnPlan> {
  if (!returnsToMailbox(change)) return { now: [...ids], approval: null, reads: 0 };
  const body = (held: string[]): ExactIdsBody =>
    change.action === "RELEASE" ? { action: "RELEASE", ids: held } : { action: "MOVE", destination: "Inbox", ids: held };

  const allowance = await hourlyAllowance(requestedBy);
  if (allowance.remaining === 0) {
    // Everything waits whatever it is, so nothing needs reading now: the approver's page shows the ids.
    const approval = await createApprovalRequest(body([...ids]), requestedBy, {
      reasons: [hourlyReason(allowance.perHour)],
      sample: ids.map((id) => sampleRow(id, null)),
      matched: ids.length,
      matchedMore: false,
    });
    return { now: [], approval, reads: 0 };
  }

  const messages = await readMessages(ids);
  const dangerous = ids.filter((id) => countsAsDangerous(messages.get(id)?.final_disposition));
  const rest = ids.filter((id) => !dangerous.includes(id));
  const taken = await takeReturns(requestedBy, rest.length);
  const now = rest.slice(0, taken);
  const overHour = rest.slice(taken);
  const held = ids.filter((id) => !now.includes(id));
  if (held.length === 0) return { now, approval: null, reads: ids.length };

  const reasons = [
    ...(dangerous.length > 0 ? [dangerousReason(dangerous.length)] : []),
    ...(overHour.length > 0 ? [hourlyReason(allowance.perHour)] : []),
  ];
  const approval = await createApprovalRequest(body(held), requestedBy, {
    reasons,
    sample: held.map((id) => sampleRow(id, messages.get(id) ?? null)),
    matched: held.length,
    matchedMore: false,
  });
  return { now, approval, reads: ids.length };
}
