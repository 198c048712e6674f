"use client";

import { useEffect, useRef } from "react";
import { isShortcutEvent, shortcutForKey, type ShortcutList } from "./shortcuts";

/**
 * Handled: the key is consumed (`preventDefault`). Return `false` to leave it to the browser,
 * e.g. Enter on a button inside a row.
 */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;

/**
 * Listens on the document for the keys of `list` and calls the handler of the shortcut they
 * belong to. Handlers may change every render (they are read from a ref), so callers need no
 * memoising. Several components of one page may each handle part of the same list.
 */
export function useShortcuts<Id extends string>(
  list: ShortcutList<Id>,
  handlers: Partial<Record<Id, ShortcutHandler>>,
  { insideOverlay = false, enabled = true }: { insideOverlay?: boolean; enabled?: boolean } = {},
): void {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event, { insideOverlay })) return;
      const shortcut = shortcutForKey(list, event.key);
      const handler = shortcut ? handlersRef.current[shortcut.id] : undefined;
      if (!handler) return;
      if (handler(event) !== false) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [list, insideOverlay, enabled]);
}
