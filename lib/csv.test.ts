import { describe, expect, it } from "vitest";
import { buildCsv, neutraliseCell, toCsvCell } from "./csv";

describe("toCsvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""],
    ["+1+1", "'+1+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "\"'\r=1\""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
  ])("%j → %j", (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });

  it("leaves inner formula characters alone", () => {
    expect(neutraliseCell("a=b")).toBe("a=b");
  });
});

describe("buildCsv", () => {
  it("writes a header row and CRLF line ends", () => {
    expect(buildCsv(["a", "b"], [["1", null], ["x,y", "z"]])).toBe('a,b\r\n1,\r\n"x,y",z\r\n');
  });
});
