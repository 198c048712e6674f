import { describe, expect, it } from "vitest";
import { formatUtc, isoToLocalInput, localInputToIso } from "./format";

describe("formatUtc", () => {
  it("shows UTC to the second", () => {
    expect(formatUtc("2026-11-24T10:30:00+01:00")).toBe("2026-11-24 09:30:00 UTC");
    expect(formatUtc("garbage")).toBe("garbage");
  });
});

describe("datetime-local round trip", () => {
  it("converts in the browser's zone both ways", () => {
    const iso = "2026-11-24T09:30:00Z";
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
  });

  it("refuses empty or malformed input", () => {
    expect(localInputToIso("")).toBeUndefined();
    expect(localInputToIso("2026-13-45")).toBeUndefined();
    expect(isoToLocalInput(undefined)).toBe("");
  });
});
