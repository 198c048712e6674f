"use client";

import { describePreview, previewReturn, type ReturnPreview } from "@/lib/approvals/release-preview";
import { useReturnAllowance } from "@/lib/queries/approvals";

/**
 * The release policy's forecast for messages about to be released or moved to Inbox
 * (`returning`), for the dialog to say before the click; the server decides again on the click.
 */
export function useReturnPolicy(messages: readonly { final_disposition?: string | null }[], returning: boolean): { preview?: ReturnPreview; note: string } {
  const allowance = useReturnAllowance(returning);
  if (!returning) return { note: "" };
  const preview = previewReturn(
    messages.map((m) => m.final_disposition),
    allowance.data,
  );
  return { preview, note: describePreview(preview, messages.length, allowance.data) };
}
