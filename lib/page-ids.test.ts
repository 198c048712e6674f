import { describe, expect, it } from "vitest";
import { isMalformedIdPath } from "./page-ids";

describe("isMalformedIdPath", () => {
  it.each([
    ["/messages/abc123", false],
    ["/messages/a1.b2%2Bc3", false],
    ["/messages", false],
    ["/bulk", false],
    ["/bulk/new", false],
    ["/bulk/4b9a0c1e-2f3d-4e5f-8a7b-9c0d1e2f3a4b", false],
    ["/audit", false],
    ["/messages/%E0%A4%A", true],
    ["/messages/..%2Fx", true],
    ["/messages/-leading-dash", true],
    ["/messages/a%20b", true],
    [`/messages/${"a".repeat(300)}`, true],
    ["/bulk/not-a-uuid", true],
    ["/bulk/%ZZ", true],
  ])("%s → %s", (path, malformed) => {
    expect(isMalformedIdPath(path)).toBe(malformed);
  });
});
