"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useId, type ReactNode } from "react";

/**
 * A menu button (Radix DropdownMenu): arrow keys move between items, typing a letter jumps to
 * one, Enter runs it, Escape closes and returns focus to the button.
 */
export function ActionMenu({
  label,
  children,
  align = "right",
  onOpenChange,
}: {
  label: ReactNode;
  children: ReactNode;
  align?: "left" | "right";
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <DropdownMenu.Root onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger className="inline-flex h-7 items-center gap-1 rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-800 select-none hover:bg-zinc-100">
        {label}
        <span aria-hidden="true" className="text-zinc-500">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align === "right" ? "end" : "start"}
          sideOffset={4}
          className="z-30 flex max-w-sm min-w-56 flex-col gap-0.5 rounded border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function ActionMenuItem({ disabled, onSelect, children }: { disabled?: boolean; onSelect: () => void; children: ReactNode }) {
  return (
    <DropdownMenu.Item
      disabled={disabled}
      onSelect={onSelect}
      className="cursor-default rounded px-2 py-1.5 text-[12px] font-medium text-zinc-800 outline-none select-none data-[disabled]:text-zinc-500 data-[highlighted]:bg-zinc-100"
    >
      {children}
    </DropdownMenu.Item>
  );
}

/** A line of explanation under the items; not focusable, not an item. */
export function ActionMenuNote({ children }: { children: ReactNode }) {
  return <p className="px-2 pt-1 pb-0.5 text-[11px] text-zinc-600">{children}</p>;
}

/** An item that is a link: a plain click navigates, middle- or cmd-click opens a new tab. */
export function ActionMenuLink({ href, current, children }: { href: string; current?: boolean; children: ReactNode }) {
  return (
    <DropdownMenu.Item asChild>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        className="cursor-default rounded px-2 py-1.5 text-[12px] font-medium text-zinc-800 no-underline outline-none select-none aria-[current=page]:bg-blue-50 data-[highlighted]:bg-zinc-100"
      >
        {children}
      </Link>
    </DropdownMenu.Item>
  );
}

/** Items under a visible heading, grouped for assistive technology under the same name. */
export function ActionMenuGroup({ label, children }: { label: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <DropdownMenu.Group aria-labelledby={id} className="flex flex-col gap-0.5">
      <DropdownMenu.Label id={id} className="px-2 pt-2 pb-0.5 text-[11px] font-semibold text-zinc-600 uppercase">
        {label}
      </DropdownMenu.Label>
      {children}
    </DropdownMenu.Group>
  );
}

export function ActionMenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-zinc-200" />;
}
