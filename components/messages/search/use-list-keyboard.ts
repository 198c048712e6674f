"use client";

import type { RefObject } from "react";
import { MESSAGE_LIST_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { useShortcuts } from "@/lib/keyboard/use-shortcuts";
import { focusRow } from "./use-active-row";
import type { useResultsTable } from "./use-results-table";

interface ListKeyboardInput {
  table: ReturnType<typeof useResultsTable>["table"];
  activeRowId: string | null;
  setActiveRowId: (id: string) => void;
  searchInputRef: RefObject<HTMLInputElement | null>;
  openMessage: (id: string) => void;
  showHelp: () => void;
}

/** `/`, `j`, `k`, `x`, Enter and `?` on the results, from the shortcut registry. */
export function useListKeyboard({ table, activeRowId, setActiveRowId, searchInputRef, openMessage, showHelp }: ListKeyboardInput) {
  const ids = table.getRowModel().rows.map((r) => r.id);
  const activeIndex = activeRowId ? ids.indexOf(activeRowId) : -1;
  const moveActive = (delta: number) => {
    const nextId = ids[Math.min(ids.length - 1, Math.max(0, activeIndex < 0 ? 0 : activeIndex + delta))];
    if (nextId) {
      setActiveRowId(nextId);
      focusRow(nextId);
    }
  };
  const activeShown = activeRowId !== null && ids.includes(activeRowId);
  useShortcuts(MESSAGE_LIST_SHORTCUTS, {
    "focus-search": () => {
      searchInputRef.current?.focus();
      searchInputRef.current?.select();
    },
    next: () => moveActive(1),
    previous: () => moveActive(-1),
    "toggle-selection": () => {
      if (!activeShown) return false;
      table.getRow(activeRowId).toggleSelected();
    },
    open: (event) => {
      // Enter on a button or link inside a row belongs to that control.
      const onRowOrBody = event.target === document.body || (event.target as HTMLElement).tagName === "TR";
      if (!activeShown || !onRowOrBody) return false;
      openMessage(activeRowId);
    },
    help: showHelp,
  });
}
