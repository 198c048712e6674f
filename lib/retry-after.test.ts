import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseRetryAfter } from "./retry-after";

describe("parseRetryAfter", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse("2026-11-24T09:30:00Z") }));
  afterEach(() => vi.useRealTimers());

  it.each([
    [null, undefined],
    [undefined, undefined],
    ["", undefined],
    ["soon", undefined],
    ["0", 0],
    ["3", 3],
    ["2.2", 3],
    ["-5", 0],
    ["Tue, 24 Nov 2026 09:30:10 GMT", 10],
    ["Tue, 24 Nov 2026 09:29:00 GMT", 0],
  ])("%j → %j", (value, seconds) => {
    expect(parseRetryAfter(value)).toBe(seconds);
  });
});
