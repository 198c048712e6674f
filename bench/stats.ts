/** Percentile math for the benchmark: linear interpolation between order statistics (R-7, numpy's default). */

export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** The p-th percentile (0–100) of values already sorted ascending; NaN when there are none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = (p / 100) * (n - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lo = sorted[lower] as number;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (rank - lower);
}

export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    count: n,
    min: n ? (sorted[0] as number) : Number.NaN,
    mean: n ? sorted.reduce((s, v) => s + v, 0) / n : Number.NaN,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    max: n ? (sorted[n - 1] as number) : Number.NaN,
  };
}

/** Rounds for the report: figures below 10 keep two decimals, larger ones one. NaN becomes null (JSON has no NaN). */
export function round(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Math.abs(value) < 10 ? Math.round(value * 100) / 100 : Math.round(value * 10) / 10;
}

export function roundSummary(s: Summary): Record<keyof Summary, number | null> {
  return {
    count: s.count,
    min: round(s.min),
    mean: round(s.mean),
    p50: round(s.p50),
    p90: round(s.p90),
    p99: round(s.p99),
    max: round(s.max),
  };
}
