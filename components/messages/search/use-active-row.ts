"use client";

import { useEffect, useRef, useState } from "react";
import { rememberedActiveRow } from "@/lib/messages/list-memory";
import type { Message } from "@/lib/messages/message-view";

export function focusRow(id: string) {
  const el = document.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(id)}"]`);
  el?.focus();
  el?.scrollIntoView({ block: "nearest" });
}

/** The list's keyboard focus, restored to the row the analyst left from when they come back to the same search. */
export function useActiveRow(search: string, messages: Message[]) {
  const [activeRowId, setActiveRowId] = useState<string | null>(null);
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    if (restoredFor.current === search || messages.length === 0) return;
    restoredFor.current = search;
    const remembered = rememberedActiveRow(search);
    if (remembered && messages.some((m) => m.id === remembered)) {
      setActiveRowId(remembered);
      // Back from a message: put keyboard focus where the analyst left off.
      requestAnimationFrame(() => focusRow(remembered));
    } else {
      setActiveRowId(null);
    }
  }, [search, messages]);
  return [activeRowId, setActiveRowId] as const;
}
