"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

/**
 * A modal on Radix Dialog: focus is trapped, returned to the opener on close, the rest of the
 * page is inert to screen readers, and Escape or a click outside closes it. `onClose` fires for
 * every way of closing, so the parent's `open` stays true to it.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  footer,
  alert,
  dismissible = true,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  /**
   * A failure, shown between the body and the footer: outside the scrolling body, so it is on
   * screen however long the body is (below a long folder list it went unseen).
   */
  alert?: ReactNode;
  /** False while a request is in flight: Escape must not hide a pending outcome. */
  dismissible?: boolean;
}) {
  const refuseWhileBusy = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <RadixDialog.Portal>
        {/* Black, not a palette grey, so it dims the page in the dark theme too. */}
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <RadixDialog.Content
          // No description element: the body says what the dialog is about.
          aria-describedby={undefined}
          onEscapeKeyDown={refuseWhileBusy}
          onPointerDownOutside={refuseWhileBusy}
          onInteractOutside={refuseWhileBusy}
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col rounded-md border border-zinc-300 bg-white text-[13px] text-zinc-900 shadow-xl"
        >
          <RadixDialog.Title className="shrink-0 border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold">{title}</RadixDialog.Title>
          {/* The body gives way (and scrolls) so the title, a failure and the footer always fit. */}
          <div className="min-h-0 overflow-auto px-4 py-3">{children}</div>
          {alert ? <div className="max-h-[40dvh] shrink-0 overflow-auto border-t border-zinc-200 px-4 py-3">{alert}</div> : null}
          {footer ? <div className="flex shrink-0 justify-end gap-2 border-t border-zinc-200 px-4 py-2.5">{footer}</div> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** True while any modal is open: page-wide shortcuts must leave its keys to it. */
export function isDialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]') !== null;
}
