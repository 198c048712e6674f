import { z } from "zod";
import { readStored, writeStored } from "@/lib/browser/storage";

/**
 * What the list remembers for this tab while an analyst opens a message and comes back: which
 * search they were on and which row was active in it. Session storage, so it never outlives the
 * tab or leaks to a teammate's link.
 */

const LAST_SEARCH_KEY = "triage:messages:last-search";
const activeKey = (search: string) => `triage:messages:active:${search}`;

export function rememberListVisit(search: string, activeRowId: string | null): void {
  writeStored("session", LAST_SEARCH_KEY, search);
  if (activeRowId) writeStored("session", activeKey(search), activeRowId);
}

export function rememberedActiveRow(search: string): string | undefined {
  return readStored("session", activeKey(search), z.string().max(200));
}

/** The query string of the last search shown in this tab, or null if none was. */
export function lastListSearch(): string | null {
  return readStored("session", LAST_SEARCH_KEY, z.string().max(16_384)) ?? null;
}
