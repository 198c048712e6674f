// The audit trail's words for saved views. Kept beside the views so the audit store only spreads
// them in (one line there, no knowledge of views).

export const VIEW_AUDIT_OPERATIONS = ["view_create", "view_update", "view_delete"] as const;
export type ViewAuditOperation = (typeof VIEW_AUDIT_OPERATIONS)[number];

export const VIEW_AUDIT_WORDS: Record<ViewAuditOperation, string> = {
  view_create: "Saved view created",
  view_update: "Saved view renamed or shared",
  view_delete: "Saved view deleted",
};
