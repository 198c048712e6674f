// The audit trail's words for block and allow changes. Kept here, beside the rest of the policy
// domain, so the audit store only spreads them in (one line there, no policy knowledge).

export const POLICY_AUDIT_OPERATIONS = [
  "block_sender_create",
  "block_sender_edit",
  "block_sender_delete",
  "allow_policy_create",
  "allow_policy_edit",
  "allow_policy_delete",
] as const;
export type PolicyAuditOperation = (typeof POLICY_AUDIT_OPERATIONS)[number];

export const POLICY_AUDIT_WORDS: Record<PolicyAuditOperation, string> = {
  block_sender_create: "Sender blocked",
  block_sender_edit: "Block comment edited",
  block_sender_delete: "Block removed",
  allow_policy_create: "Allow policy created",
  allow_policy_edit: "Allow policy comment edited",
  allow_policy_delete: "Allow policy removed",
};
