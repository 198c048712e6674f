// Record → wire shapes (MessageDetails, ActionEntry). The one place that decides which
// deprecated fields a post-2026-11-01 account still sends.
import type { ActionEntry, MessageRecord } from "./types";

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}

/** `id` is the id the message goes by on the wire, which variance mode may make odd. */
export function serializeMessage(m: MessageRecord, id = m.id): Record<string, unknown> {
  const scannedAt = isoSeconds(m.scannedAt);
  return {
    id,
    // `ts` and the embedded `action_log` are deprecated, but the contract (and SDK 7.3.0 types) still
    // mark them required, so they are sent: `ts` mirrors scanned_at, and action_log is always empty so
    // nothing can quietly depend on it instead of GET /{id}/action_log. `findings` is not required: omitted.
    ts: scannedAt,
    action_log: [],
    alert_id: m.alertId,
    client_recipients: [...m.clientRecipients],
    delivery_mode: m.deliveryMode,
    delivery_status: [...m.deliveryStatus],
    detection_reasons: [...m.detectionReasons],
    edf_hash: m.edfHash,
    envelope_from: m.envelopeFrom,
    envelope_to: [...m.envelopeTo],
    final_disposition: m.disposition,
    from: m.from,
    from_name: m.fromName,
    htmltext_structure_hash: m.htmlStructureHash,
    is_phish_submission: m.isPhishSubmission,
    is_quarantined: m.isQuarantined,
    message_id: m.messageId,
    post_delivery_operations: [...m.postDeliveryOperations],
    postfix_id: m.postfixId,
    postfix_id_outbound: m.postfixIdOutbound,
    properties: { ...m.properties },
    replyto: m.replyTo,
    scanned_at: scannedAt,
    sent_at: isoSeconds(m.sentAt),
    sent_date: rfc2822(m.sentAt),
    smtp_helo_server_ip: m.smtpHeloIp,
    smtp_previous_hop_ip: m.smtpPreviousHopIp,
    subject: m.subject,
    threat_categories: [...m.threatCategories],
    to: [...m.to],
    to_name: [...m.toName],
    validation: { ...m.validation },
    x_originating_ip: m.xOriginatingIp,
  };
}

export function serializeActionEntry(e: ActionEntry): Record<string, unknown> {
  return {
    completed_at: isoSeconds(e.completedAt),
    operation: e.operation,
    properties: { ...e.properties },
    started_at: isoSeconds(e.startedAt),
    status: e.status,
    success: e.success,
  };
}
