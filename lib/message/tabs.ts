import { z } from "zod";
import { defineUrlKeys } from "@/lib/url-state/url-keys";

/** The message page's tabs, in order: the order is also the 1–6 shortcut keys. */
export const MESSAGE_TABS = [
  { id: "overview", label: "Overview" },
  { id: "detections", label: "Detections" },
  { id: "trace", label: "Trace" },
  { id: "preview", label: "Preview" },
  { id: "raw", label: "Raw" },
  { id: "action-log", label: "Action log" },
] as const;

export type MessageTab = (typeof MESSAGE_TABS)[number]["id"];
export const DEFAULT_TAB: MessageTab = "overview";

export const messageTabSchema = z.enum(MESSAGE_TABS.map((t) => t.id) as [MessageTab, ...MessageTab[]]);

/** The message page's URL keys: the open tab, and the search the message was opened from. */
export const MESSAGE_PAGE_URL_KEYS = defineUrlKeys({
  tab: { schema: z.string().transform((v) => v.toLowerCase()).pipe(messageTabSchema), label: "Tab" },
  list: { schema: z.string() },
});

/**
 * The message page's URL. An unknown or repeated `?tab=` opens the Overview (or the first of the
 * repeated tabs) and says so, rather than failing the page: a slightly wrong link should still
 * show the message.
 */
export function readMessagePageUrl(params: URLSearchParams): { tab: MessageTab; invalid: string | null; list: string | null } {
  const { values, errors, raw } = MESSAGE_PAGE_URL_KEYS.read(params);
  const list = params.get(LIST_PARAM);
  if (!errors.tab) return { tab: values.tab ?? DEFAULT_TAB, invalid: null, list };
  const first = raw.tab === undefined ? null : MESSAGE_PAGE_URL_KEYS.parsers.tab.parse(raw.tab);
  return { tab: first ?? DEFAULT_TAB, invalid: raw.tab ?? "", list };
}

/**
 * The page's own URL for a tab; the Overview needs no parameter so plain links stay canonical.
 * `list`: the query string of the search the message was opened from, so a page opened in a new
 * tab (where this tab's session memory does not reach) still offers previous/next.
 */
export function messageHref(id: string, tab: MessageTab = DEFAULT_TAB, list?: string): string {
  const path = `/messages/${encodeURIComponent(id)}`;
  const params = new URLSearchParams();
  if (tab !== DEFAULT_TAB) params.set("tab", tab);
  if (list) params.set(LIST_PARAM, list);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The message page's parameter holding the search it was opened from. */
export const LIST_PARAM = "list";

/** "1"…"6" → the tab in that position. */
export function tabForKey(key: string): MessageTab | null {
  if (!/^[1-9]$/.test(key)) return null;
  return MESSAGE_TABS[Number(key) - 1]?.id ?? null;
}
