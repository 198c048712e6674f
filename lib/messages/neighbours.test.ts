import { describe, expect, it } from "vitest";
import { neighboursOf } from "./neighbours";

describe("neighboursOf", () => {
  const ids = ["a", "b", "c"];
  it.each([
    ["a", { position: 1, total: 3, previous: null, next: "b" }],
    ["b", { position: 2, total: 3, previous: "a", next: "c" }],
    ["c", { position: 3, total: 3, previous: "b", next: null }],
    ["z", null],
  ])("%s", (id, expected) => {
    expect(neighboursOf(ids, id)).toEqual(expected);
  });
  it("is null for an empty list", () => {
    expect(neighboursOf([], "a")).toBeNull();
  });
});
