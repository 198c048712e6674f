import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/messages?sender=a%40b.test&range=7d", "/messages?sender=a%40b.test&range=7d"],
    ["/messages/abc:1?tab=trace", "/messages/abc:1?tab=trace"],
    [undefined, "/messages"],
    ["https://evil.example/", "/messages"],
    ["//evil.example/x", "/messages"],
    ["/\\evil.example", "/messages"],
    ["/signin?callbackUrl=/x", "/messages"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
