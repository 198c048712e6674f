import { describe, expect, it } from "vitest";
import { isReleasable, replyToIfDiffers } from "./message-facts";

describe("replyToIfDiffers", () => {
  it.each([
    [{ from: "a@b.example", replyto: null }, null],
    [{ from: "a@b.example", replyto: "" }, null],
    [{ from: "a@b.example", replyto: "A@B.example" }, null],
    [{ from: "a@b.example", replyto: '"A" <a@b.example>' }, null],
    [{ from: "a@b.example", replyto: "ceo@freemail.example" }, "ceo@freemail.example"],
    [{ from: null, replyto: "x@y.example" }, "x@y.example"],
  ])("%j", (m, expected) => {
    expect(replyToIfDiffers(m)).toBe(expected);
  });
});

describe("isReleasable", () => {
  it.each([
    [{ is_quarantined: true, delivery_status: ["quarantined" as const] }, true],
    [{ is_quarantined: false, delivery_status: ["quarantined" as const] }, true],
    [{ is_quarantined: false, delivery_status: ["delivered" as const] }, false],
    [{ is_quarantined: false, delivery_status: null }, false],
  ])("%j", (m, expected) => {
    expect(isReleasable(m)).toBe(expected);
  });
});
