"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseMessageUrl, serializeMessageUrl, type RangePreset } from "@/lib/messages/search-url";
import { BULK_FILTER_KEYS } from "@/lib/schemas/search";

// The form's URL holds the job's search only: the search page's link may also carry its paging
// and sort, which mean nothing for a job.
const SEARCH_KEYS: readonly string[] = [...BULK_FILTER_KEYS, "range"];
const IGNORED_KEYS: readonly string[] = ["sort", "per_page", "prev", "cursor"];

function searchOnly(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!IGNORED_KEYS.includes(k)) out.append(k, v);
  return out;
}

/** The bulk form's search, read from and written to the URL so a reload or a shared link shows the same form. */
export function useJobSearch() {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const parsed = useMemo(() => parseMessageUrl(searchOnly(new URLSearchParams(search)), "bulk"), [search]);
  const hasErrors = Object.keys(parsed.errors).length > 0;

  const navigate = useCallback((qs: string) => {
    window.history.pushState(null, "", qs ? `/bulk/new?${qs}` : "/bulk/new");
  }, []);
  const apply = useCallback(
    ({ pairs, range }: { pairs: Record<string, string>; range?: RangePreset }) => {
      const params = new URLSearchParams(pairs);
      if (range) params.set("range", range);
      const next = parseMessageUrl(params, "bulk");
      // Canonical when valid; as typed when not, so the parser's errors appear next to the field.
      navigate(Object.keys(next.errors).length === 0 ? serializeMessageUrl(next.state, "bulk") : params.toString());
    },
    [navigate],
  );
  const clear = useCallback(() => navigate(""), [navigate]);
  const ignoredKeys = parsed.unknownKeys.filter((k) => !SEARCH_KEYS.includes(k));

  return { parsed, hasErrors, apply, clear, ignoredKeys };
}
