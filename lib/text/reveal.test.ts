import { describe, expect, it } from "vitest";
import { hasHidden, revealDeep, revealHidden, revealParts } from "./reveal";

describe("revealHidden", () => {
  it.each([
    // Plain text and markup are left as they are: React already renders markup as text.
    ["plain subject", "plain subject"],
    ["<script>alert(1)</script>", "<script>alert(1)</script>"],
    ["tab\tline\nreturn\r", "tab\tline\nreturn\r"],
    ["Ünïcødé · עברית · العربية · 日本語 · 👩‍💻", "Ünïcødé · עברית · العربية · 日本語 · 👩⟨ZWJ⟩💻"],
    // Bidirectional overrides, embeddings, isolates and marks.
    ["invoice_\u202Efdp.exe", "invoice_⟨RLO⟩fdp.exe"],
    ["a\u202Db\u202C", "a⟨LRO⟩b⟨PDF⟩"],
    ["a\u202Ab\u202Bc", "a⟨LRE⟩b⟨RLE⟩c"],
    ["a\u2066b\u2067c\u2068d\u2069", "a⟨LRI⟩b⟨RLI⟩c⟨FSI⟩d⟨PDI⟩"],
    ["a\u200Eb\u200Fc\u061C", "a⟨LRM⟩b⟨RLM⟩c⟨ALM⟩"],
    // Zero-width characters.
    ["IT\u200B Support", "IT⟨ZWSP⟩ Support"],
    ["pay\u200Cpal\u200D", "pay⟨ZWNJ⟩pal⟨ZWJ⟩"],
    ["\uFEFFx", "⟨BOM⟩x"],
    ["a\u2060b", "a⟨WJ⟩b"],
    // Other invisible formatting and filler characters.
    ["pass\u00ADword", "pass⟨SHY⟩word"],
    ["a\u2062b\u2064", "a⟨IT⟩b⟨IP⟩"],
    ["x\u3164y\u115Fz", "x⟨HF⟩y⟨HCF⟩z"],
    ["a\u180Eb\u034Fc", "a⟨MVS⟩b⟨CGJ⟩c"],
    ["a\u206Ab", "a⟨ISS⟩b"],
    ["a\u{E0041}b", "a⟨U+E0041⟩b"],
    ["line\u2028sep\u2029", "line⟨LSEP⟩sep⟨PSEP⟩"],
    // Control characters other than tab, LF and CR.
    ["bell\u0007", "bell⟨U+0007⟩"],
    ["nul\u0000", "nul⟨U+0000⟩"],
    ["esc\u001B[31m", "esc⟨U+001B⟩[31m"],
    ["del\u007F", "del⟨U+007F⟩"],
    ["c1\u0085\u009B", "c1⟨U+0085⟩⟨U+009B⟩"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(revealHidden(input)).toBe(expected);
  });

  it("leaves no hidden character behind, and is stable when applied twice", () => {
    const all = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i)).join("") + "\u3164\uFEFF\uFFA0\uFFF9\u{E0001}";
    const revealed = revealHidden(all);
    expect(hasHidden(revealed)).toBe(false);
    expect(revealHidden(revealed)).toBe(revealed);
  });
});

describe("hasHidden", () => {
  it.each([
    ["a\u202Eb", true],
    ["a\u200Bb", true],
    ["a\u0007", true],
    ["ab", false],
    ["a\tb\n", false],
  ])("%j → %s", (input, expected) => {
    expect(hasHidden(input)).toBe(expected);
    // Non-global: the answer does not depend on the previous call.
    expect(hasHidden(input)).toBe(expected);
  });
});

describe("revealParts", () => {
  it("splits text into plain runs and markers that name their code point", () => {
    expect(revealParts("gpj\u202E.exe\u200B")).toEqual([
      { text: "gpj" },
      { text: "⟨RLO⟩", hidden: { marker: "⟨RLO⟩", codePoint: "U+202E" } },
      { text: ".exe" },
      { text: "⟨ZWSP⟩", hidden: { marker: "⟨ZWSP⟩", codePoint: "U+200B" } },
    ]);
    expect(revealParts("")).toEqual([]);
  });

  it("joins back into what revealHidden gives", () => {
    const text = "<b>\u202Eeciovni\u2066 x\u0007";
    expect(revealParts(text).map((p) => p.text).join("")).toBe(revealHidden(text));
  });
});

describe("revealDeep", () => {
  it("reveals every string in a JSON value and leaves other values alone", () => {
    expect(revealDeep({ a: "x\u202Ey", n: 1, b: [null, "\u200B", true], ["k\u202E"]: { c: "d" } })).toEqual({
      a: "x⟨RLO⟩y",
      n: 1,
      b: [null, "⟨ZWSP⟩", true],
      ["k⟨RLO⟩"]: { c: "d" },
    });
  });
});
