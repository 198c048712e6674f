import { describe, expect, it } from "vitest";
import { parseMessageUrl } from "@/lib/messages/search-url";
import {
  bulkSearchParamsToUrlParams,
  describeBulkSearchParams,
  filterKeyFor,
  filtersToBulkSearchParams,
} from "./search-params";

describe("filtersToBulkSearchParams", () => {
  it("renames submission to submissions and keeps typed values", () => {
    expect(
      filtersToBulkSearchParams({
        sender: "a@evil.example",
        submission: true,
        detections_only: false,
        final_disposition: "MALICIOUS",
        start: "2026-11-01T00:00:00Z",
      }),
    ).toEqual({
      sender: "a@evil.example",
      submissions: true,
      detections_only: false,
      final_disposition: "MALICIOUS",
      start: "2026-11-01T00:00:00Z",
    });
  });

  it("leaves unset filters out instead of sending null", () => {
    expect(filtersToBulkSearchParams({})).toEqual({});
    expect(filtersToBulkSearchParams({ subject: undefined })).toEqual({});
  });
});

describe("bulkSearchParamsToUrlParams", () => {
  it("writes the search page's names, as strings, in its key order", () => {
    const params = bulkSearchParamsToUrlParams({
      submissions: false,
      subject: "Payroll",
      detections_only: true,
      recipient: null,
      action_log: true,
    });
    expect(params.toString()).toBe("subject=Payroll&detections_only=true&submission=false");
  });

  it("omits nulls, empty strings and unknown fields", () => {
    expect(bulkSearchParamsToUrlParams({ query: "  ", sender: null }).toString()).toBe("");
    expect(bulkSearchParamsToUrlParams(undefined).toString()).toBe("");
  });

  it("round-trips through the search page's URL parser", () => {
    const filters = {
      query: "invoice",
      sender: "payroll@acme.test",
      start: "2026-11-01T00:00:00Z",
      end: "2026-11-02T00:00:00Z",
      final_disposition: "SPAM" as const,
      detections_only: false,
      submission: true,
    };
    const url = bulkSearchParamsToUrlParams(filtersToBulkSearchParams(filters));
    const parsed = parseMessageUrl(url, "bulk");
    expect(parsed.errors).toEqual({});
    expect(parsed.state.filters).toEqual(filters);
    // A link to the search page leaves out what the search cannot apply.
    expect(bulkSearchParamsToUrlParams(filtersToBulkSearchParams(filters), "search").has("submission")).toBe(false);
  });

  it("passes on a value the search cannot filter by, so the search page flags it rather than widening", () => {
    const url = bulkSearchParamsToUrlParams({ final_disposition: "MALICIOUS-BEC" });
    expect(url.get("final_disposition")).toBe("MALICIOUS-BEC");
    expect(parseMessageUrl(url).errors.final_disposition).toBeDefined();
  });
});

describe("filterKeyFor", () => {
  it.each([
    ["search_params.end", "end"],
    ["search_params.submissions", "submission"],
    ["submissions", "submission"],
    ["sender", "sender"],
    ["search_params.action_log", undefined],
    ["destination", undefined],
  ])("%s → %s", (field, key) => {
    expect(filterKeyFor(field)).toBe(key);
  });
});

describe("describeBulkSearchParams", () => {
  it("labels each field as the search page does", () => {
    expect(describeBulkSearchParams({ sender: "a@b.example", submissions: true })).toEqual([
      { key: "sender", label: "Sender", value: "a@b.example" },
      { key: "submission", label: "Submissions", value: "true" },
    ]);
  });
});
