"use client";

import { useCallback } from "react";
import { asTyped } from "@/lib/url-state/url-keys";
import { useUrlKeys } from "@/lib/url-state/use-url-keys";
import { DEFAULT_PAGE_SIZE, MESSAGE_URL_KEYS, messageUrlValues, parseMessageUrl, type MessageUrlState, type MessageUrlValues, type RangePreset } from "./search-url";

/** What the filter form hands over: its fields as typed, and a preset range if one is chosen. */
export interface FilterFormValues {
  pairs: Record<string, string>;
  range?: RangePreset;
}

// The bulk form's URL holds the job's search only: a search page link may also carry paging and
// sort, which mean nothing for a job; they are not read, and the next change drops them.
const PAGING_KEYS = ["sort", "per_page", "prev", "cursor", "page"];
const readSearch = (params: URLSearchParams) => parseMessageUrl(params, "search");
const readBulk = (params: URLSearchParams) => {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (!PAGING_KEYS.includes(k)) out.append(k, v);
  return parseMessageUrl(out, "bulk");
};

/**
 * The message search's URL state, for the search page (scope "search") and the bulk form
 * ("bulk"): the parsed state with its errors, and the navigation that writes it.
 */
export function useMessageUrl(scope: "search" | "bulk") {
  const { state: parsed, set, search } = useUrlKeys(MESSAGE_URL_KEYS, { history: "push" }, scope === "bulk" ? readBulk : readSearch);

  /** Shows a state; `history: "replace"` where Back should not step through it (the sort). */
  const navigate = useCallback(
    (next: MessageUrlState, options?: { history: "push" | "replace" }) => set(messageUrlValues(next, scope), options),
    [set, scope],
  );

  /**
   * Applies the filter form. `keep`: what the form does not edit (the search page's sort and page
   * size). Canonical when valid; as typed when not, so the errors appear next to the field.
   */
  const applyForm = useCallback(
    ({ pairs, range }: FilterFormValues, keep: Pick<MessageUrlState, "sort" | "perPage"> | null = null) => {
      const params = new URLSearchParams(pairs);
      if (range) params.set("range", range);
      if (keep?.sort) params.set("sort", `${keep.sort.desc ? "-" : ""}${keep.sort.id}`);
      if (keep && keep.perPage !== DEFAULT_PAGE_SIZE) params.set("per_page", String(keep.perPage));
      const next = parseMessageUrl(params, scope);
      if (Object.keys(next.errors).length === 0) return navigate(next.state);
      const typed: Record<string, unknown> = {};
      for (const [k, v] of params) typed[k] = asTyped(v);
      set(typed as MessageUrlValues);
    },
    [navigate, set, scope],
  );

  /** `search`: the query string as it is, the list's identity for the way back from a message. */
  return { parsed, search, navigate, applyForm };
}
