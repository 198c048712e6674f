/**
 * Every single-key shortcut of the console, per page, in one place. The same list drives the key
 * handlers (`useShortcuts`), the `?` dialog and the hint line, so what a page says it does and
 * what it does cannot drift. A page (or a dialog) that needs keys of its own defines its list
 * with `defineShortcuts` and passes it to `useShortcuts`.
 */

export interface Shortcut<Id extends string = string> {
  id: Id;
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[];
  /** How the keys are written for people, e.g. "1–6" or "Esc". Defaults to the first key. */
  label?: string;
  /** A full sentence for the `?` dialog. */
  description: string;
  /** A word or two for the page's hint line; absent: not in the hint line. */
  hint?: string;
}

export type ShortcutList<Id extends string = string> = readonly Shortcut<Id>[];

export function defineShortcuts<const Id extends string>(shortcuts: readonly Shortcut<Id>[]): ShortcutList<Id> {
  const seen = new Set<string>();
  for (const s of shortcuts) {
    for (const key of s.keys) {
      if (seen.has(key)) throw new Error(`Shortcut key "${key}" is bound twice`);
      seen.add(key);
    }
  }
  return shortcuts;
}

export function shortcutLabel(shortcut: Shortcut): string {
  return shortcut.label ?? shortcut.keys[0] ?? "";
}

/** The shortcut an event's key belongs to, if any. */
export function shortcutForKey<Id extends string>(list: ShortcutList<Id>, key: string): Shortcut<Id> | undefined {
  return list.find((s) => s.keys.includes(key));
}

const DIGITS_1_TO_6 = ["1", "2", "3", "4", "5", "6"] as const;

/** The search page (`/messages`). */
export const MESSAGE_LIST_SHORTCUTS = defineShortcuts([
  { id: "focus-search", keys: ["/"], description: "Focus the search box" },
  { id: "next", keys: ["j"], description: "Next message" },
  { id: "previous", keys: ["k"], description: "Previous message" },
  { id: "toggle-selection", keys: ["x"], description: "Select or unselect the active message" },
  { id: "open", keys: ["Enter"], description: "Open the active message" },
  { id: "toggle-overview", keys: ["o"], description: "Fold or unfold the overview (chart, top lists, campaigns)" },
  { id: "help", keys: ["?"], description: "Show these shortcuts" },
]);

/** One message (`/messages/{id}`). The digits follow the order of the tabs. */
export const MESSAGE_PAGE_SHORTCUTS = defineShortcuts([
  { id: "tab", keys: DIGITS_1_TO_6, label: "1–6", description: "Open the tab in that position", hint: "tabs" },
  { id: "move", keys: ["m"], description: "Move the message", hint: "move" },
  { id: "release", keys: ["r"], description: "Release the message from quarantine", hint: "release" },
  { id: "reclassify", keys: ["c"], description: "Reclassify the message", hint: "reclassify" },
  { id: "next", keys: ["j"], description: "Next message of the results, same tab", hint: "next" },
  { id: "previous", keys: ["k"], description: "Previous message of the results, same tab", hint: "previous" },
  { id: "back", keys: ["Escape"], label: "Esc", description: "Back to the results", hint: "back" },
  { id: "help", keys: ["?"], description: "Show these shortcuts", hint: "all keys" },
]);

/** True while any modal or popover is open: its keys belong to it. */
export function isOverlayOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"], dialog[open]') !== null;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * Single-key shortcuts must never fire while the analyst types (a search box, the copy-link
 * field), nor steal browser shortcuts; page shortcuts also stay quiet while a dialog is open.
 * A dialog's own shortcuts pass `insideOverlay`.
 */
export function isShortcutEvent(event: KeyboardEvent, { insideOverlay = false }: { insideOverlay?: boolean } = {}): boolean {
  if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return false;
  if (isTypingTarget(event.target)) return false;
  return insideOverlay || !isOverlayOpen();
}
