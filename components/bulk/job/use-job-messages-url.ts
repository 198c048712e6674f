"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseJobMessagesUrl, serializeJobMessagesUrl, type JobMessagesUrlState } from "@/lib/bulk/list-url";

/** A job page's message table state (`?status=&page=`), in the URL so Back steps through it. */
export function useJobMessagesUrl(jobId: string) {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const { state, errors } = useMemo(() => parseJobMessagesUrl(new URLSearchParams(search)), [search]);
  const navigate = useCallback(
    (next: JobMessagesUrlState) => {
      const qs = serializeJobMessagesUrl(next);
      const path = `/bulk/${encodeURIComponent(jobId)}`;
      window.history.pushState(null, "", qs ? `${path}?${qs}` : path);
    },
    [jobId],
  );
  return { state, errors, navigate };
}
