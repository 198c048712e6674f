import { describe, expect, it } from "vitest";
import { errorsFromFields, isDangerousDisposition, isUnfilteredSearch, validateBulkJob, type BulkJobDraft } from "./validate";

const draft = (over: Partial<BulkJobDraft> = {}): BulkJobDraft => ({
  action: "MOVE",
  destination: "JunkEmail",
  comment: "",
  filters: { sender: "payroll@acme.test" },
  confirmedUnfiltered: false,
  ...over,
});

describe("validateBulkJob", () => {
  it("accepts a move with a destination and builds the API body", () => {
    const result = validateBulkJob(draft({ comment: "  campaign 42 " }));
    expect(result).toEqual({
      ok: true,
      body: { action: "MOVE", destination: "JunkEmail", comment: "campaign 42", search_params: { sender: "payroll@acme.test" } },
    });
  });

  it("never sends a destination with a release", () => {
    const result = validateBulkJob(draft({ action: "RELEASE" }));
    expect(result.ok && result.body).toEqual({ action: "RELEASE", search_params: { sender: "payroll@acme.test" } });
  });

  // One row per bad draft: where the error is shown and what it says.
  it.each<[string, Partial<BulkJobDraft>, "form" | "filters", string, RegExp]>([
    ["move without destination", { destination: "" }, "form", "destination", /needs a destination/],
    ["end before start", { filters: { sender: "a@b.example", start: "2026-11-02T00:00:00Z", end: "2026-11-01T00:00:00Z" } }, "filters", "end", /End must not be before start/],
    ["empty search, not confirmed", { filters: {} }, "form", "confirmUnfiltered", /every message/],
    ["dates only, not confirmed", { filters: { start: "2026-11-01T00:00:00Z", detections_only: false } }, "form", "confirmUnfiltered", /every message/],
    ["comment too long", { comment: "x".repeat(501) }, "form", "comment", /at most 500/],
  ])("%s", (_name, over, where, key, message) => {
    const result = validateBulkJob(draft(over));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect((result.errors[where] as Record<string, string>)[key]).toMatch(message);
  });

  it("accepts an empty search once it is confirmed", () => {
    expect(validateBulkJob(draft({ filters: {}, confirmedUnfiltered: true })).ok).toBe(true);
  });
});

describe("isUnfilteredSearch", () => {
  it.each([
    [{}, true],
    [{ start: "2026-11-01T00:00:00Z", end: "2026-11-02T00:00:00Z" }, true],
    [{ detections_only: false }, true],
    [{ subject: "Payroll" }, false],
    [{ submission: false }, false],
    [{ final_disposition: "SPAM" as const }, false],
  ])("%j → %s", (filters, unfiltered) => {
    expect(isUnfilteredSearch(filters)).toBe(unfiltered);
  });
});

describe("errorsFromFields", () => {
  it("puts the API route's field errors next to their controls", () => {
    expect(
      errorsFromFields({
        destination: "A move needs a destination",
        "search_params.end": "End must not be before start",
        "search_params.submissions": "Expected boolean",
        "search_params.bogus": 'Unknown field "bogus"',
      }),
    ).toEqual({
      form: { destination: "A move needs a destination" },
      filters: { end: "End must not be before start", submission: "Expected boolean" },
      other: ['search_params.bogus: Unknown field "bogus"'],
    });
  });
});

describe("isDangerousDisposition", () => {
  it.each([
    ["MALICIOUS", true],
    ["MALICIOUS-BEC", true],
    ["SPAM", false],
    [null, false],
  ])("%s → %s", (d, dangerous) => {
    expect(isDangerousDisposition(d)).toBe(dangerous);
  });
});
