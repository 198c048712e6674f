import { describe, expect, it } from "vitest";
import { escapeForLog } from "./log-text";

describe("escapeForLog", () => {
  it.each([
    ["a newline that would forge a log line", "x\n[triage] admin signed in", "x\\n[triage] admin signed in"],
    ["a carriage return", "a\r\nb", "a\\r\\nb"],
    ["a right-to-left override", "gpj\u202eexe", "gpj\\u202eexe"],
    ["an invisible joiner and a BOM", "a\u200db\ufeff", "a\\u200db\\ufeff"],
    ["terminal escape codes", "\u001b[31mred", "\\u001b[31mred"],
    ["a backslash, kept distinct from an escape", "a\\nb", "a\\\\nb"],
    ["plain text", "access_denied", "access_denied"],
  ])("escapes %s", (_name, input, expected) => {
    expect(escapeForLog(input)).toBe(expected);
  });

  it("cuts long text and says how much was left out", () => {
    expect(escapeForLog("x".repeat(1000), 10)).toBe("xxxxxxxxxx…(990 more)");
  });

  it("takes an error's message", () => {
    expect(escapeForLog(new Error("bad\nstate"))).toBe("bad\\nstate");
  });
});
