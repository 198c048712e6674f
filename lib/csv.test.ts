import { describe, expect, it } from "vitest";
import { buildCsv, columnsToCsv, neutraliseCell, toCsvCell } from "./csv";

describe("toCsvCell", () => {
  it.each([
    ["plain", '"plain"'],
    ["", '""'],
    ["a,b", '"a,b"'],
    // A semicolon list separator (Excel in many locales) cannot split a quoted cell.
    ["a;=1+1", '"a;=1+1"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ["+1+1", `"'+1+1"`],
    ["-2", `"'-2"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    // Not only the first character: after spaces, on a later line, in full-width form.
    ["  =1+1", `"'  =1+1"`],
    ["note\n=cmd|' /C calc'!A0", `"note\n'=cmd|' /C calc'!A0"`],
    ["a\r\n@SUM(A1)\r-1", `"a\r\n'@SUM(A1)\r'-1"`],
    ["\uFF1D1+1", `"'\uFF1D1+1"`],
    ["\r=1", `"'\r'=1"`],
    ["\ntext", `"'\ntext"`],
    // Hidden characters are revealed, as on every page; a zero-width space cannot hide a formula either.
    ["invoice_\u202Efdp.exe", '"invoice_⟨RLO⟩fdp.exe"'],
    ["\u200B=1+1", '"⟨ZWSP⟩=1+1"'],
    [null, '""'],
    [undefined, '""'],
    [42, '"42"'],
    [-3, '"-3"'],
    [true, '"true"'],
  ])("%j → %j", (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });

  it("leaves formula characters inside a line alone", () => {
    expect(neutraliseCell("a=b-c+d@e")).toBe("a=b-c+d@e");
  });
});

describe("buildCsv", () => {
  it("quotes every cell, header included, and ends lines in CRLF", () => {
    expect(buildCsv(["a", "b"], [["1", null], ["x,y", "z"]])).toBe('"a","b"\r\n"1",""\r\n"x,y","z"\r\n');
  });
});

describe("columnsToCsv", () => {
  it("writes one row per item through its columns", () => {
    const columns = [
      { header: "n", value: (r: { n: number; s: string }) => r.n },
      { header: "s", value: (r: { n: number; s: string }) => r.s },
    ];
    expect(columnsToCsv(columns, [{ n: 1, s: "=x" }])).toBe('"n","s"\r\n"1","\'=x"\r\n');
  });
});
