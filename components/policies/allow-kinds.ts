import type { AllowKind } from "@/lib/schemas/policies";

/** The allow kinds in words: what each does to protection, so an admin chooses knowingly. */
export const ALLOW_KIND_TEXT: Record<AllowKind, { label: string; explain: string }> = {
  is_acceptable_sender: {
    label: "Acceptable sender",
    explain: "Not marked as spam, bulk or spoof; still scanned, so malware and phishing are still caught. The usual fix for a false positive.",
  },
  is_trusted_sender: {
    label: "Trusted sender",
    explain: "Skips all detections, malicious included. Only for senders you fully control or trust.",
  },
  is_exempt_recipient: {
    label: "Exempt recipient",
    explain: "Mail to this recipient skips detections (e.g. a mailbox that collects phishing samples). The pattern names a recipient, not a sender.",
  },
};

export const VERIFY_SENDER_TEXT =
  "Only when the message passes SPF, DKIM or DMARC for the sender. Keep this on: without it, anyone who forges the address is allowed too.";
