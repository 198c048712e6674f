// State changes an analyst can cause: move, release, reclassify, preview. Shared by the
// single-message routes, the bulk routes and bulk jobs so all three leave identical traces.
import { isoSeconds } from "./serialize";
import type { ActionEntry, Destination, MessageRecord, PostDeliveryOperation } from "./types";

export interface MoveItem {
  success: boolean;
  completed_at: string | null;
  destination: string | null;
  message_id: string | null;
  operation: string | null;
  recipient: string | null;
  status: string | null;
}

export interface ReleaseItem {
  id: string;
  delivered: string[] | null;
  failed: string[] | null;
  undelivered: string[] | null;
}

function record(m: MessageRecord, operation: PostDeliveryOperation, now: number, properties: ActionEntry["properties"]): void {
  m.actionLog.push({ operation, startedAt: now, completedAt: now, status: "completed", success: true, properties });
  if (!m.postDeliveryOperations.includes(operation)) m.postDeliveryOperations.push(operation);
}

/** Why a message cannot be moved, or null if it can. */
export function moveBlocker(m: MessageRecord): string | null {
  const status = m.deliveryStatus[0];
  if (m.isQuarantined) return "Message is quarantined and not in a mailbox; release it first";
  if (status === "rejected" || status === "bounced") return `Message was never delivered (${status})`;
  if (status === "deferred" || status === "queued") return `Message has not been delivered yet (${status})`;
  return null;
}

export function moveMessage(m: MessageRecord, destination: Destination, now: number, requestedBy = "API"): MoveItem[] {
  const blocker = moveBlocker(m);
  const completedAt = isoSeconds(now);
  if (!blocker && m.currentFolder !== destination) {
    m.deliveryStatus = ["moved"];
    m.currentFolder = destination;
    record(m, "MOVE", now, { folder: destination, requested_by: requestedBy });
  }
  return m.clientRecipients.map((recipient) => ({
    success: blocker === null,
    completed_at: blocker ? null : completedAt,
    destination,
    message_id: m.id,
    operation: "MOVE",
    recipient,
    status: blocker ?? "completed",
  }));
}

export function missingMoveItem(id: string, destination: Destination): MoveItem {
  return { success: false, completed_at: null, destination, message_id: id, operation: "MOVE", recipient: null, status: "Message not found" };
}

export function releaseBlocker(m: MessageRecord): string | null {
  return m.isQuarantined ? null : "Message is not quarantined";
}

export function releaseMessage(m: MessageRecord, now: number, requestedBy = "API"): ReleaseItem {
  if (releaseBlocker(m)) return { id: m.id, delivered: [], failed: [...m.clientRecipients], undelivered: [] };
  m.isQuarantined = false;
  m.deliveryStatus = ["delivered"];
  m.currentFolder = "Inbox";
  m.postfixIdOutbound ??= `${m.postfixId.slice(0, 8)}R${m.postfixId.slice(9)}`;
  record(m, "QUARANTINE_RELEASE", now, { requested_by: requestedBy });
  return { id: m.id, delivered: [...m.clientRecipients], failed: [], undelivered: [] };
}

export function reclassifyMessage(m: MessageRecord, expected: string, now: number, escalatedSubmissionId: string | null): void {
  // Reclassification is asynchronous upstream: the verdict does not change, only the log does.
  record(m, "SUBMISSION", now, {
    requested_by: "API",
    expected_disposition: expected,
    ...(escalatedSubmissionId ? { escalated_submission_id: escalatedSubmissionId } : {}),
  });
}

export function generatePreview(m: MessageRecord, now: number): void {
  m.hasPreview = true;
  record(m, "PREVIEW", now, { requested_by: "API" });
}
