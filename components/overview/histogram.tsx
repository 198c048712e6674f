"use client";

import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useTimeZone } from "@/components/ui/time-text";
import { BREAKDOWN_LABELS, type Breakdown, type Histogram as HistogramData } from "@/lib/overview/types";
import { plural } from "@/lib/text/plural";
import { formatTime } from "@/lib/time/format";
import { seriesColor } from "./series-colors";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// The drawing's own units: each bucket is 10 wide, the tallest bar 100 high; the SVG stretches.
const BUCKET_W = 10;
const H = 100;

export function widthLabel(ms: number): string {
  if (ms % DAY === 0) return ms === DAY ? "day" : `${ms / DAY} days`;
  if (ms % HOUR === 0) return ms === HOUR ? "hour" : `${ms / HOUR} hours`;
  return `${ms / MINUTE} minutes`;
}

function bucketLabel(startMs: number, bucketMs: number, zone: string): string {
  const iso = new Date(startMs).toISOString();
  return bucketMs >= DAY ? formatTime(iso, zone, "date") : `${formatTime(iso, zone, "date")} ${formatTime(iso, zone, "time")}`;
}

interface HistogramProps {
  histogram: HistogramData;
  breakdown: Breakdown;
  /** Narrow the search to [start, end). */
  onNarrow: (start: string, end: string) => void;
  /** Add the segment's filter; absent for a series the search cannot filter on. */
  segmentFilter: (key: string) => (() => void) | null;
}

type Span = readonly [number, number];
const ordered = ([a, b]: Span): Span => (a <= b ? [a, b] : [b, a]);

/**
 * The search over time, stacked by a breakdown. Drag across it (or Left/Right, Shift to extend,
 * Enter) to narrow the search to that time; click a segment (or its legend entry) to add its
 * filter. The same numbers are in a table for screen readers, which a button also shows.
 */
export function Histogram({ histogram, breakdown, onNarrow, segmentFilter }: HistogramProps) {
  const zone = useTimeZone();
  const { buckets, bucketMs } = histogram;
  const start = Date.parse(histogram.start);
  const end = Date.parse(histogram.end);
  const series = histogram.series[breakdown];
  const totals = useMemo(() => Array.from({ length: buckets }, (_, i) => series.reduce((n, s) => n + (s.counts[i] ?? 0), 0)), [series, buckets]);
  const max = Math.max(1, ...totals);
  const [selection, setSelection] = useState<Span | null>(null);
  const [showTable, setShowTable] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ from: number; x: number; key: string | null; moved: boolean } | null>(null);
  const id = useId();

  const bucketAt = (clientX: number): number => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    return Math.min(buckets - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * buckets)));
  };
  const narrow = (span: Span) => {
    const [a, b] = ordered(span);
    setSelection(null);
    onNarrow(new Date(start + a * bucketMs).toISOString(), new Date(Math.min(end, start + (b + 1) * bucketMs)).toISOString());
  };
  const spanText = (span: Span): string => {
    const [a, b] = ordered(span);
    let n = 0;
    for (let i = a; i <= b; i++) n += totals[i] ?? 0;
    const from = bucketLabel(start + a * bucketMs, bucketMs, zone);
    const to = bucketLabel(Math.min(end, start + (b + 1) * bucketMs), bucketMs, zone);
    return `${from} to ${to}: ${plural(n, "message")}`;
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const b = bucketAt(e.clientX);
    drag.current = { from: b, x: e.clientX, key: (e.target as Element).getAttribute("data-key"), moved: false };
    setSelection([b, b]);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    if (Math.abs(e.clientX - d.x) > 3) d.moved = true;
    const b = bucketAt(e.clientX);
    // One state change per bucket crossed, not per pixel: brushing stays smooth.
    setSelection((s) => (s && s[0] === d.from && s[1] === b ? s : [d.from, b]));
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.moved) return narrow([d.from, bucketAt(e.clientX)]);
    setSelection(null);
    if (d.key) segmentFilter(d.key)?.();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    const clamp = (i: number) => Math.min(buckets - 1, Math.max(0, i));
    if (step !== 0) {
      e.preventDefault();
      setSelection((s) => {
        if (!s) return step > 0 ? [0, 0] : [buckets - 1, buckets - 1];
        const next = clamp(s[1] + step);
        return e.shiftKey ? [s[0], next] : [next, next];
      });
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      const to = e.key === "Home" ? 0 : buckets - 1;
      setSelection((s) => (e.shiftKey && s ? [s[0], to] : [to, to]));
    } else if (e.key === "Enter" && selection) {
      e.preventDefault();
      narrow(selection);
    } else if (e.key === "Escape" && selection) {
      e.preventDefault();
      setSelection(null);
    }
  };

  const sel = selection ? ordered(selection) : null;
  const ticks = [0, Math.floor(buckets / 2), buckets - 1].filter((v, i, a) => a.indexOf(v) === i);
  // Not "Messages …": that is the results table's name, which journeys and screen readers look for.
  const caption = `${BREAKDOWN_LABELS[breakdown]} per ${widthLabel(bucketMs)}`;

  return (
    <figure className="flex min-w-0 flex-col gap-1" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="sr-only">
        {caption}
      </figcaption>
      <div
        tabIndex={0}
        role="group"
        aria-label={`Time chart: ${caption.toLowerCase()}`}
        aria-describedby={`${id}-help`}
        onKeyDown={onKeyDown}
        onBlur={() => setSelection((s) => (drag.current ? s : null))}
        className="rounded border border-zinc-200 bg-white p-1 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <svg
          ref={svgRef}
          viewBox={`0 0 ${buckets * BUCKET_W} ${H}`}
          preserveAspectRatio="none"
          className="block h-20 w-full cursor-crosshair touch-none select-none"
          aria-hidden="true"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null;
            setSelection(null);
          }}
        >
          {totals.map((_, i) => {
            let y = H;
            return (
              <g key={i}>
                {series.map((s, k) => {
                  const n = s.counts[i] ?? 0;
                  if (n === 0) return null;
                  const h = (n / max) * (H - 2);
                  y -= h;
                  return (
                    <rect
                      key={s.key}
                      data-key={s.key}
                      x={i * BUCKET_W + 1}
                      y={y}
                      width={BUCKET_W - 2}
                      height={h}
                      className={`${seriesColor(breakdown, s.key, k)} ${segmentFilter(s.key) ? "cursor-pointer" : ""}`}
                    >
                      <title>{`${s.key}: ${n}`}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
          {sel ? (
            <rect
              x={sel[0] * BUCKET_W}
              y={0}
              width={(sel[1] - sel[0] + 1) * BUCKET_W}
              height={H}
              className="pointer-events-none fill-blue-500/15 stroke-blue-600"
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
            />
          ) : null}
        </svg>
        <div className="relative h-4 text-[11px] text-zinc-600" aria-hidden="true">
          {ticks.map((i) => (
            <span
              key={i}
              className="absolute whitespace-nowrap"
              style={i === 0 ? { left: 0 } : i === buckets - 1 ? { right: 0 } : { left: `${(i / buckets) * 100}%`, transform: "translateX(-50%)" }}
            >
              {bucketLabel(start + i * bucketMs, bucketMs, zone)}
            </span>
          ))}
        </div>
      </div>
      <p id={`${id}-help`} className="text-[11px] text-zinc-600">
        Drag across the chart to narrow the search to that time (keyboard: Left/Right, Shift to extend, Enter). Click a segment to filter by it.
      </p>
      <p role="status" aria-live="polite" className="min-h-4 text-[12px] text-zinc-700">
        {sel ? `${spanText(sel)}. Enter or release to narrow the search to it.` : ""}
      </p>
      <ul className="flex flex-wrap gap-x-2 gap-y-1 text-[12px]" aria-label={`${BREAKDOWN_LABELS[breakdown]} legend`}>
        {series.map((s, k) => {
          const apply = segmentFilter(s.key);
          const swatch = <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${seriesColor(breakdown, s.key, k)}`} />;
          return (
            <li key={s.key}>
              {apply ? (
                <button type="button" onClick={apply} className="inline-flex items-center gap-1 rounded px-1 hover:bg-zinc-100" title={`Filter the search by ${s.key}`}>
                  {swatch}
                  <span>{s.key}</span>
                  <span className="text-zinc-600 tabular-nums">{s.total.toLocaleString("en-US")}</span>
                </button>
              ) : (
                <span className="inline-flex items-center gap-1 px-1" title="Cloudflare's search has no filter for this">
                  {swatch}
                  <span>{s.key}</span>
                  <span className="text-zinc-600 tabular-nums">{s.total.toLocaleString("en-US")}</span>
                </span>
              )}
            </li>
          );
        })}
        <li className="ml-auto">
          <button type="button" onClick={() => setShowTable((v) => !v)} aria-expanded={showTable} className="rounded px-1 text-zinc-700 underline decoration-dotted hover:bg-zinc-100">
            {showTable ? "Hide the numbers" : "Show the numbers"}
          </button>
        </li>
      </ul>
      <div className={showTable ? "max-h-64 overflow-auto" : "sr-only"}>
        <table className="w-full text-left text-[12px] tabular-nums">
          <caption className="text-left font-medium">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-2 font-medium">
                From
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="pr-2 font-medium">
                  {s.key}
                </th>
              ))}
              <th scope="col" className="font-medium">
                All
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((total, i) => (
              <tr key={i}>
                <th scope="row" className="pr-2 font-normal whitespace-nowrap">
                  {bucketLabel(start + i * bucketMs, bucketMs, zone)}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="pr-2">
                    {s.counts[i] ?? 0}
                  </td>
                ))}
                <td>{total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
