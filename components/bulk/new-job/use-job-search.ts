"use client";

import { emptyState } from "@/lib/messages/search-url";
import { useMessageUrl } from "@/lib/messages/use-message-url";

/** The bulk form's search, read from and written to the URL so a reload or a shared link shows the same form. */
export function useJobSearch() {
  const { parsed, applyForm, navigate } = useMessageUrl("bulk");
  return {
    parsed,
    hasErrors: Object.keys(parsed.errors).length > 0,
    apply: applyForm,
    clear: () => navigate(emptyState()),
    // The search page's paging and sort are dropped silently (useMessageUrl); anything else is named.
    ignoredKeys: parsed.unknownKeys,
  };
}
