// Internal model of the simulated account. Wire shapes are built from these in serialize.ts,
// so field names here follow what reads best in TypeScript, not the API's snake_case.

export const DISPOSITIONS = [
  "MALICIOUS",
  "MALICIOUS-BEC",
  "SUSPICIOUS",
  "SPOOF",
  "SPAM",
  "BULK",
  "ENCRYPTED",
  "EXTERNAL",
  "UNKNOWN",
  "NONE",
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** What `detections_only=true` keeps: the verdicts Email Security counts as detections. */
export const DETECTION_DISPOSITIONS: ReadonlySet<Disposition> = new Set([
  "MALICIOUS",
  "MALICIOUS-BEC",
  "SUSPICIOUS",
  "SPOOF",
  "SPAM",
  "BULK",
]);

// The SDK knows `move_failed` too; the contract's enum does not, so the simulator never emits it
// (a failed move leaves delivery_status unchanged) but accepts it as a filter value.
export const DELIVERY_STATUSES = ["delivered", "moved", "quarantined", "rejected", "deferred", "bounced", "queued"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DESTINATIONS = ["Inbox", "JunkEmail", "DeletedItems", "RecoverableItemsDeletions", "RecoverableItemsPurges"] as const;
export type Destination = (typeof DESTINATIONS)[number];

export type ValidationStatus = "pass" | "neutral" | "fail" | "error" | "none";
export type PostDeliveryOperation = "PREVIEW" | "QUARANTINE_RELEASE" | "SUBMISSION" | "MOVE";

export interface ActionEntry {
  // The action_log endpoint answers ActionEntry, whose operation enum is narrower than the
  // deprecated embedded ActionLogEntry: a release is QUARANTINE_RELEASE, a reclassify SUBMISSION.
  operation: PostDeliveryOperation;
  startedAt: number;
  completedAt: number;
  status: string;
  success: boolean;
  properties: { folder?: string; requested_by: string; [key: string]: unknown };
}

export interface AttachmentRecord {
  name: string;
  contentType: string;
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
  encrypted: boolean;
  detection: Disposition | null;
  seed: number;
}

export interface LinkRecord {
  href: string;
  text: string | null;
}

export type HostileKind = "markup" | "long-subject";

export interface MessageRecord {
  index: number;
  seed: number;
  id: string;
  postfixId: string;
  postfixIdOutbound: string | null;
  scannedAt: number;
  sentAt: number;
  from: string;
  fromName: string;
  envelopeFrom: string;
  replyTo: string | null;
  to: string[];
  toName: string[];
  envelopeTo: string[];
  clientRecipients: string[];
  subject: string;
  messageId: string;
  disposition: Disposition;
  detectionReasons: string[];
  threatCategories: string[];
  alertId: string | null;
  deliveryStatus: DeliveryStatus[];
  isQuarantined: boolean;
  deliveryMode: "DIRECT" | "BCC" | "JOURNAL";
  edfHash: string | null;
  htmlStructureHash: string | null;
  smtpHeloIp: string;
  smtpPreviousHopIp: string;
  xOriginatingIp: string | null;
  senderHost: string;
  validation: { spf: ValidationStatus; dkim: ValidationStatus; dmarc: ValidationStatus; comment: string | null };
  properties: {
    allowlisted_pattern?: string;
    allowlisted_pattern_type?: "acceptable_sender" | "allowed_sender" | "allowed_recipient";
    blocklisted_message?: boolean;
    blocklisted_pattern?: string;
  };
  isPhishSubmission: boolean;
  postDeliveryOperations: PostDeliveryOperation[];
  actionLog: ActionEntry[]; // oldest first internally; served newest first
  hasPreview: boolean;
  currentFolder: Destination | null;
  attachments: AttachmentRecord[];
  links: LinkRecord[];
  campaign: number | null;
  hostile: HostileKind | null;
  huge: boolean;
  // Cached lowercase text that free-text `query` terms are matched against.
  haystack?: string;
}
