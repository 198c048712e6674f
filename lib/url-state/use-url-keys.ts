"use client";

import { useSearchParams } from "next/navigation";
import { useQueryStates, type Options } from "nuqs";
import { useCallback, useMemo } from "react";
import type { UrlKeys, UrlUpdate } from "./url-keys";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in url-keys: each key has its own value type
type AnyKeys = UrlKeys<any>;

/**
 * The one way a page reads and changes its URL state. nuqs writes the URL (batched, shallow unless
 * asked, `history: "push"` where Back should step, `"replace"` where it should not); the URL is read
 * back with the same key definitions, so the values and what was wrong with them come from one pass.
 * `read`: a page whose URL has rules across keys (the message search) passes its own reader.
 */
export function useUrlKeys<K extends AnyKeys, R = ReturnType<K["read"]>>(keys: K, options: Options, read?: (params: URLSearchParams) => R) {
  const [, setValues] = useQueryStates(keys.parsers, { scroll: false, ...options });
  const searchParams = useSearchParams();
  const reader = read ?? (keys.read as (params: URLSearchParams) => R);
  const search = searchParams.toString();
  // Keyed by the query string: a new URLSearchParams object for the same URL is the same state.
  // `reader` must be stable (a module-level function, or memoised by the caller).
  const state = useMemo(() => reader(new URLSearchParams(search)), [reader, search]);
  /** Writes every key of the page: those not given are removed, so no stale value survives. */
  const set = useCallback(
    (values: UrlUpdate<K["defs"]>, override?: Options) => void setValues(keys.update(values) as never, override),
    [keys, setValues],
  );
  return { state, set, search };
}
