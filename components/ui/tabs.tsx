"use client";

import * as RadixTabs from "@radix-ui/react-tabs";
import type { ReactNode } from "react";

/**
 * WAI-ARIA tabs on Radix Tabs, with automatic activation: arrow keys, Home and End move between
 * tabs and select them, and only the selected tab is in the page's tab order. Controlled, so
 * the caller can keep the selection in the URL. The panels (`TabPanel`) go in `children`.
 */

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** e.g. "3" for a digit shortcut; announced to screen readers. */
  shortcut?: string;
}

export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: {
  /** Accessible name of the tab list. */
  label: string;
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Unused since Radix names tabs and panels itself; kept so older callers still compile. */
  idBase?: string;
  children?: ReactNode;
}) {
  return (
    <RadixTabs.Root value={selected} onValueChange={(value) => onSelect(value as T)} activationMode="automatic">
      <RadixTabs.List aria-label={label} className="flex gap-0.5 border-b border-zinc-300">
        {tabs.map((tab) => (
          <RadixTabs.Trigger
            key={tab.id}
            value={tab.id}
            aria-keyshortcuts={tab.shortcut}
            className="-mb-px rounded-t border border-transparent px-3 py-1.5 text-[12px] font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 data-[state=active]:border-zinc-300 data-[state=active]:border-b-white data-[state=active]:bg-white data-[state=active]:text-zinc-900"
          >
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {children}
    </RadixTabs.Root>
  );
}

/**
 * Always mounted (hidden when not selected) so every tab's `aria-controls` points at a real
 * element; the caller renders the content of the selected tab only, so only it fetches.
 */
export function TabPanel({ id, children }: { id: string; idBase?: string; hidden?: boolean; children: ReactNode }) {
  return (
    <RadixTabs.Content
      value={id}
      forceMount
      className="rounded-b border border-t-0 border-zinc-300 bg-white p-3 outline-none focus-visible:outline-2 focus-visible:outline-blue-600 data-[state=inactive]:hidden"
    >
      {children}
    </RadixTabs.Content>
  );
}
