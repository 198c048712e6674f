import { describe, expect, it } from "vitest";
import { createSimulator } from "@/lib/simulator";
import { jsonBytes } from "./bytes";

const stringified = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("jsonBytes", () => {
  it.each([
    ["a number", 5],
    ["a string with an emoji and Cyrillic", "Счёт 🧾"],
    ["null", null],
    ["an empty object and array", { a: {}, b: [] }],
    ["undefined, functions and symbols inside", { a: undefined, b: () => 1, c: Symbol("x"), d: [undefined, () => 1, 2], e: 1 }],
    ["a first member that JSON leaves out", { a: undefined, b: 1 }],
    ["only members that JSON leaves out", { a: undefined }],
    ["a Date and other toJSON values", { at: new Date(Date.UTC(2026, 0, 2)), nested: { toJSON: () => ["x"] } }],
    ["keys that need escaping", { 'q"uote': 1, "ключ": 2, "back\\slash": [{ "\u2028": "line" }] }],
    ["lone surrogates", { s: "\ud800x\udc00" }],
    ["deep nesting", { result: [{ a: [{ b: [{ c: "é" }] }] }], result_info: { page: 1 } }],
  ])("gives JSON.stringify's bytes for %s", (_name, value) => {
    expect(jsonBytes(value).equals(stringified(value))).toBe(true);
  });

  it("refuses a value JSON has no text for, as the reply could not be sent", () => {
    expect(() => jsonBytes(undefined)).toThrow(TypeError);
  });

  it("gives the same bytes as JSON.stringify for the simulator's 100-row searches", async () => {
    const sim = createSimulator({ seed: 5 });
    const url = "http://sim.test/client/v4/accounts/0123456789abcdef0123456789abcdef/email-security/investigate?per_page=100&detections_only=false";
    const body = await (await sim.handle(new Request(url, { headers: { authorization: "Bearer fake" } }))).json();
    const text = JSON.stringify(body);
    // The case this module exists for: non-ASCII text in a reply longer than 64 Ki characters.
    expect(text.length).toBeGreaterThan(65_536);
    expect(/[^\x00-\x7f]/.test(text)).toBe(true);
    expect(jsonBytes(body).equals(Buffer.from(text))).toBe(true);
  });
});
