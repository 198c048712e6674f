import { describe, expect, it } from "vitest";
import { hasHidden, revealHidden } from "./display-text";

describe("revealHidden", () => {
  it.each([
    ["plain subject", "plain subject"],
    ["invoice_\u202Efdp.exe", "invoice_⟨RLO⟩fdp.exe"],
    ["IT\u200B Support", "IT⟨ZWSP⟩ Support"],
    ["a\u2066b\u2069", "a⟨LRI⟩b⟨PDI⟩"],
    ["\uFEFFx", "⟨BOM⟩x"],
    ["bell\u0007", "bell\uFFFD"],
    ["<script>alert(1)</script>", "<script>alert(1)</script>"],
  ])("%j → %j", (input, expected) => {
    expect(revealHidden(input)).toBe(expected);
  });

  it("detects hidden characters", () => {
    expect(hasHidden("a\u202Eb")).toBe(true);
    expect(hasHidden("ab")).toBe(false);
    expect(hasHidden("a\u202Eb")).toBe(true);
  });
});
