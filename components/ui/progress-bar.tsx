import type { ReactNode } from "react";

export interface ProgressSegment {
  value: number;
  /** A Tailwind background class: colour reinforces the text label, it never replaces it. */
  className: string;
}

/**
 * A progress bar made of coloured segments (e.g. succeeded / failed / skipped) with its text
 * label beside it. `max` 0 or `indeterminate` draws an animated bar and omits aria-valuenow, as
 * ARIA prescribes for progress of unknown size.
 */
export function ProgressBar({
  label,
  valueText,
  value,
  max,
  segments,
  indeterminate = false,
  children,
}: {
  /** Accessible name of the bar. */
  label: string;
  /** What the bar says in words (aria-valuetext). */
  valueText: string;
  value: number;
  max: number;
  segments: ProgressSegment[];
  indeterminate?: boolean;
  /** The visible text label, under the bar. */
  children?: ReactNode;
}) {
  const unknown = indeterminate || max <= 0;
  return (
    <div className="flex min-w-40 flex-col gap-0.5">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={unknown ? undefined : max}
        aria-valuenow={unknown ? undefined : Math.min(value, max)}
        aria-valuetext={valueText}
        className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-200"
      >
        {unknown ? (
          <div className="h-full w-1/3 animate-pulse rounded-full bg-blue-400" />
        ) : (
          segments
            .filter((s) => s.value > 0)
            .map((s, i) => <div key={i} className={`h-full ${s.className}`} style={{ width: `${(s.value / max) * 100}%` }} />)
        )}
      </div>
      {children}
    </div>
  );
}
