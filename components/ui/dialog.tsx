"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal on the native <dialog>: the browser traps focus, restores it on close and closes on
 * Escape. `onClose` fires for every way of closing, so the parent's `open` stays true to it.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  footer,
  dismissible = true,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  /** False while a request is in flight: Escape must not hide a pending outcome. */
  dismissible?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-md border border-zinc-300 bg-white p-0 text-[13px] text-zinc-900 shadow-xl backdrop:bg-zinc-900/40"
    >
      {open ? (
        <div className="flex flex-col">
          <h2 id={titleId} className="border-b border-zinc-200 px-4 py-2.5 text-sm font-semibold">
            {title}
          </h2>
          <div className="max-h-[60vh] overflow-auto px-4 py-3">{children}</div>
          {footer ? <div className="flex justify-end gap-2 border-t border-zinc-200 px-4 py-2.5">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
