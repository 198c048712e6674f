import { describe, expect, it } from "vitest";
import { isoToLocalInput, localInputToIso } from "./datetime-input";

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
