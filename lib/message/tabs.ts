import { z } from "zod";

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

/**
 * `?tab=` from a link. Unknown or repeated values open the Overview (and say so) rather than
 * failing the page: a slightly wrong link should still show the message.
 */
export function parseMessageTab(value: string | string[] | null | undefined): { tab: MessageTab; invalid: string | null } {
  if (value === undefined || value === null || value === "") return { tab: DEFAULT_TAB, invalid: null };
  const single = Array.isArray(value) ? value[0] : value;
  const parsed = messageTabSchema.safeParse(single?.toLowerCase());
  if (parsed.success && !Array.isArray(value)) return { tab: parsed.data, invalid: null };
  return { tab: parsed.success ? parsed.data : DEFAULT_TAB, invalid: String(single ?? "") };
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
