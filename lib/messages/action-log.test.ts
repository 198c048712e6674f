import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/lib/audit/types";
import {
  actionTime,
  describeAuditOperation,
  describeOperation,
  sortActionLog,
  sortAuditEvents,
} from "./action-log";

describe("describeOperation", () => {
  it.each([
    ["MOVE", "Moved"],
    ["QUARANTINE_RELEASE", "Released from quarantine"],
    ["SUBMISSION", "Reclassification submitted"],
    ["PREVIEW", "Preview generated"],
    ["SOMETHING_NEW", "SOMETHING_NEW"],
  ])("%s → %s", (op, words) => {
    expect(describeOperation(op)).toBe(words);
  });
});

describe("sortActionLog", () => {
  it("puts the newest first and undated entries last", () => {
    const sorted = sortActionLog([
      { completed_at: "2026-01-01T00:00:00Z", operation: "MOVE" },
      { completed_at: "", operation: "PREVIEW" },
      { completed_at: "2026-01-03T00:00:00Z", operation: "SUBMISSION" },
    ]);
    expect(sorted.map((e) => e.operation)).toEqual(["SUBMISSION", "MOVE", "PREVIEW"]);
  });

  it("places a pending entry (null completed_at) by when it started, and one with no time at all last", () => {
    const sorted = sortActionLog([
      { completed_at: "2026-01-01T00:00:00Z", operation: "MOVE" },
      { completed_at: null, operation: "PREVIEW" },
      { completed_at: null, started_at: "2026-01-02T00:00:00Z", operation: "QUARANTINE_RELEASE" },
    ]);
    expect(sorted.map((e) => e.operation)).toEqual(["QUARANTINE_RELEASE", "MOVE", "PREVIEW"]);
    expect(actionTime(sorted[0]!)).toBe("2026-01-02T00:00:00Z");
    expect(actionTime(sorted[2]!)).toBeNull();
  });
});

describe("audit events", () => {
  const event = (operation: AuditEvent["operation"], started_at: string, params: Record<string, unknown> = {}) =>
    ({ operation, started_at, params }) as AuditEvent;
  it("names a reclassification with its target", () => {
    expect(describeAuditOperation(event("reclassify", "x", { expected_disposition: "SPAM" }))).toBe("Reclassify as SPAM");
    expect(describeAuditOperation(event("move", "x"))).toBe("Move");
  });
  it("sorts newest first", () => {
    const sorted = sortAuditEvents([event("move", "2026-01-01T00:00:00Z"), event("release", "2026-01-02T00:00:00Z")]);
    expect(sorted.map((e) => e.operation)).toEqual(["release", "move"]);
  });
});
