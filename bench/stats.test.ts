import { describe, expect, it } from "vitest";
import { median, percentile, percentileOfSorted, round, summarize } from "./stats";

describe("percentile", () => {
  const cases: { name: string; values: number[]; p: number; expected: number }[] = [
    { name: "single value", values: [7], p: 99, expected: 7 },
    { name: "median of odd count", values: [3, 1, 2], p: 50, expected: 2 },
    { name: "median of even count averages the middle two", values: [4, 1, 3, 2], p: 50, expected: 2.5 },
    { name: "p0 is the minimum", values: [5, 9, 1], p: 0, expected: 1 },
    { name: "p100 is the maximum", values: [5, 9, 1], p: 100, expected: 9 },
    { name: "interpolates between order statistics", values: [10, 20, 30, 40, 50], p: 90, expected: 46 },
    { name: "p99 of 1..100", values: Array.from({ length: 100 }, (_, i) => i + 1), p: 99, expected: 99.01 },
    { name: "p99 of 1..300", values: Array.from({ length: 300 }, (_, i) => i + 1), p: 99, expected: 297.01 },
  ];
  it.each(cases)("$name", ({ values, p, expected }) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 9);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it("is NaN for no values", () => {
    expect(percentileOfSorted([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
  });

  it.each([-1, 101, Number.NaN])("rejects percentile %s", (p) => {
    expect(() => percentile([1], p)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("reports count, extremes, mean and percentiles", () => {
    const s = summarize([4, 2, 8, 6]);
    expect(s).toMatchObject({ count: 4, min: 2, max: 8, mean: 5, p50: 5 });
    expect(s.p99).toBeCloseTo(7.94, 9);
  });

  it("is all NaN but the count for no values", () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect([s.min, s.mean, s.p50, s.p99, s.max].every(Number.isNaN)).toBe(true);
  });
});

describe("round", () => {
  it.each([
    [1.23456, 1.23],
    [123.456, 123.5],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])("%s → %s", (value, expected) => {
    expect(round(value)).toBe(expected);
  });
});
