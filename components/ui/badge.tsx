import { Revealed } from "@/components/ui/revealed";
import type { ReactNode } from "react";
import { deliveryEmphasis, dispositionSeverity, type DeliveryEmphasis, type Severity } from "@/lib/severity";

export type BadgeTone = "danger" | "warning" | "notice" | "neutral" | "success" | "info" | "quiet" | Severity;

// The severity tones step down in weight, not just hue: solid for the worst, a tint with a strong
// edge, tints, then outline only. Each pair was chosen for AA contrast in both palettes
// (theme-colors.css turns them over in dark mode; axe checks both).
const TONES: Record<BadgeTone, string> = {
  critical: "bg-red-700 text-white ring-red-800",
  high: "bg-red-100 text-red-900 ring-red-500",
  elevated: "bg-amber-100 text-amber-950 ring-amber-500",
  low: "bg-sky-100 text-sky-900 ring-sky-300",
  minimal: "bg-zinc-100 text-zinc-700 ring-zinc-300",
  none: "bg-transparent text-zinc-600 ring-zinc-300",
  unknown: "bg-zinc-100 text-zinc-700 ring-zinc-300",
  danger: "bg-red-100 text-red-800 ring-red-300",
  warning: "bg-amber-100 text-amber-900 ring-amber-300",
  notice: "bg-sky-100 text-sky-900 ring-sky-300",
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-300",
  success: "bg-emerald-100 text-emerald-800 ring-emerald-300",
  info: "bg-indigo-100 text-indigo-800 ring-indigo-300",
  quiet: "bg-transparent font-normal! text-zinc-600 ring-transparent",
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

/** A disposition on the one severity scale (lib/severity.ts), shown as Cloudflare names it. */
export function DispositionBadge({ disposition, title }: { disposition: string; title?: string }) {
  return (
    <Badge tone={dispositionSeverity(disposition)} title={title}>
      <Revealed text={disposition} />
    </Badge>
  );
}

const DELIVERY_TONES: Record<DeliveryEmphasis, BadgeTone> = {
  alert: "critical",
  attention: "elevated",
  normal: "neutral",
  receded: "quiet",
};

/** A delivery status, loud when a threat is still in a mailbox, quiet once it has been dealt with. */
export function DeliveryBadge({ status, disposition }: { status: string; disposition: string | null | undefined }) {
  const emphasis = deliveryEmphasis(status, disposition);
  return (
    <Badge tone={DELIVERY_TONES[emphasis]} title={emphasis === "alert" ? "A threat still in the recipients' mailboxes" : undefined}>
      {emphasis === "alert" ? <span aria-hidden="true" className="mr-0.5">⚠&#xFE0E;</span> : null}
      <span>{status}</span>
    </Badge>
  );
}
