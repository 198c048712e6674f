/**
 * Single-key shortcuts must never fire while the analyst types (a search box, the copy-link
 * field) or while a dialog is open (its own keys belong to it), nor steal browser shortcuts.
 */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return false;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) {
    return false;
  }
  return document.querySelector("dialog[open]") === null;
}
