import { isAscii } from "node:buffer";
import { describe, expect, it } from "vitest";
import { escapeNonAscii } from "./ascii";

/** What fetch's `json()` makes of the bytes: UTF-8 decoded (BOM dropped, bad bytes → U+FFFD), then parsed. */
function fetchJson(bytes: Buffer): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}

function parsedBoth(bytes: Buffer): { before: unknown; after: unknown; escaped: Buffer } {
  const escaped = escapeNonAscii(Buffer.from(bytes));
  return { before: fetchJson(bytes), after: fetchJson(escaped), escaped };
}

const utf8 = (text: string) => Buffer.from(text);

describe("escapeNonAscii", () => {
  it("gives ASCII bodies back untouched", () => {
    const bytes = utf8('{"a":"plain","n":[1,2]}');
    expect(escapeNonAscii(bytes)).toBe(bytes);
  });

  it.each([
    ["Cyrillic and an emoji", '{"subject":"Счёт 🧾 к оплате","n":1}'],
    ["a key", '{"ключ":"value"}'],
    ["runs at both ends of a string", '["éa", "aé", "é", "ñéü"]'],
    ["escapes already in the text", '{"s":"\\u00e9 and é","q":"\\"é\\""}'],
    ["a line separator", '{"s":"a\u2028b"}'],
  ])("keeps every value of %s while the text becomes ASCII", (_name, text) => {
    const { before, after, escaped } = parsedBoth(utf8(text));
    expect(after).toEqual(before);
    expect(isAscii(escaped)).toBe(true);
  });

  it("drops a leading byte-order mark as fetch does", () => {
    const { before, after } = parsedBoth(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"a":"é"}')]));
    expect(after).toEqual(before);
    expect(after).toEqual({ a: "é" });
  });

  it.each([
    ["a lone continuation byte", [0x80]],
    ["a truncated three-byte sequence", [0xe2, 0x82]],
    ["an overlong encoding", [0xc0, 0xaf]],
    ["a surrogate encoded in UTF-8", [0xed, 0xa0, 0x80]],
    ["a truncated sequence followed by a valid one", [0xe2, 0x82, 0xc3, 0xa9]],
  ])("turns %s into the same U+FFFD characters as a whole-body decode", (_name, bad) => {
    const bytes = Buffer.concat([utf8('{"s":"a'), Buffer.from(bad), utf8('b"}')]);
    const { before, after } = parsedBoth(bytes);
    expect(after).toEqual(before);
    expect((after as { s: string }).s).toContain("\ufffd");
  });

  it("keeps invalid JSON invalid: non-ASCII outside a string", () => {
    const bytes = utf8('{"a":1}é');
    expect(() => fetchJson(bytes)).toThrow(SyntaxError);
    expect(() => fetchJson(escapeNonAscii(bytes))).toThrow(SyntaxError);
  });
});
