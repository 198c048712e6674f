import type { ReactNode } from "react";

export type BadgeTone = "danger" | "warning" | "notice" | "neutral" | "success" | "info";

const TONES: Record<BadgeTone, string> = {
  danger: "bg-red-100 text-red-800 ring-red-300",
  warning: "bg-amber-100 text-amber-900 ring-amber-300",
  notice: "bg-sky-100 text-sky-900 ring-sky-300",
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-300",
  success: "bg-emerald-100 text-emerald-800 ring-emerald-300",
  info: "bg-indigo-100 text-indigo-800 ring-indigo-300",
};

/** Always carries its text: colour reinforces the label, it never replaces it. */
export function Badge({ tone, children, title }: { tone: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded px-1.5 py-px text-[11px] leading-4 font-semibold whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
