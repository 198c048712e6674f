"use client";

import * as Popover from "@radix-ui/react-popover";
import type { ReactNode } from "react";

const triggerClass =
  "inline-flex h-7 items-center gap-1 rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-800 select-none hover:bg-zinc-100";
const panelClass = "z-30 min-w-56 rounded border border-zinc-200 bg-white p-2 text-zinc-900 shadow-lg";

/**
 * A button that opens a small panel of controls (Radix Popover): the trigger is a real button
 * with `aria-expanded`, focus moves into the panel and back, Escape and a click outside close it.
 * For a list of actions use `ActionMenu`, which is a menu in the ARIA sense.
 */
export function Menu({ label, children, align = "right" }: { label: ReactNode; children: ReactNode; align?: "left" | "right" }) {
  return (
    <Popover.Root>
      <Popover.Trigger className={triggerClass}>
        {label}
        <span aria-hidden="true" className="text-zinc-500">
          ▾
        </span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align={align === "right" ? "end" : "start"} sideOffset={4} className={panelClass}>
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
