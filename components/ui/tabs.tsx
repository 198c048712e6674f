"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";

/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between tabs and
 * select them, and only the selected tab is in the page's tab order. Controlled, so the caller
 * can keep the selection in the URL.
 */

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** e.g. "3" for a digit shortcut; announced to screen readers. */
  shortcut?: string;
}

const tabId = (base: string, id: string) => `${base}-tab-${id}`;
const panelId = (base: string, id: string) => `${base}-panel-${id}`;

export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  idBase,
}: {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Shared with the TabPanels (useId in the parent). */
  idBase: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);

  const focusTab = (id: T) => {
    onSelect(id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(idBase, id))}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === selected);
    const target =
      event.key === "ArrowRight"
        ? tabs[(index + 1) % tabs.length]
        : event.key === "ArrowLeft"
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : event.key === "Home"
            ? tabs[0]
            : event.key === "End"
              ? tabs[tabs.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    focusTab(target.id);
  };

  return (
    <div ref={listRef} role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-0.5 border-b border-zinc-300">
      {tabs.map((tab) => {
        const active = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(idBase, tab.id)}
            aria-selected={active}
            aria-controls={panelId(idBase, tab.id)}
            aria-keyshortcuts={tab.shortcut}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            className={`-mb-px rounded-t border px-3 py-1.5 text-[12px] font-medium ${
              active
                ? "border-zinc-300 border-b-white bg-white text-zinc-900"
                : "border-transparent text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
            }`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel({ idBase, id, hidden = false, children }: { idBase: string; id: string; hidden?: boolean; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={panelId(idBase, id)}
      aria-labelledby={tabId(idBase, id)}
      hidden={hidden}
      // Focusable so keyboard users can reach panels whose content has no control.
      tabIndex={0}
      className="rounded-b border border-t-0 border-zinc-300 bg-white p-3 outline-none focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      {children}
    </div>
  );
}
