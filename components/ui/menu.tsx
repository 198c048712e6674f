"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A small disclosure popover on <details>/<summary>: keyboard and screen-reader friendly without
 * a library. Closes on Escape and on a click outside.
 */
export function Menu({ label, children, align = "right" }: { label: ReactNode; children: ReactNode; align?: "left" | "right" }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && ref.current?.open) {
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <details ref={ref} className="relative">
      <summary className="inline-flex h-7 cursor-pointer list-none items-center gap-1 rounded border border-zinc-300 bg-white px-2.5 text-[12px] font-medium text-zinc-800 select-none hover:bg-zinc-100 [&::-webkit-details-marker]:hidden">
        {label}
        <span aria-hidden="true" className="text-zinc-400">▾</span>
      </summary>
      <div
        className={`absolute z-20 mt-1 min-w-56 rounded border border-zinc-200 bg-white p-2 shadow-lg ${align === "right" ? "right-0" : "left-0"}`}
      >
        {children}
      </div>
    </details>
  );
}
