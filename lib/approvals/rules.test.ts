import { describe, expect, it } from "vitest";
import type { CreateBulkJobBody } from "@/lib/schemas/bodies";
import { approvalReasons, isUnfilteredBulkSearch, searchFor, uncountableFilters } from "./rules";

const move = (search_params: CreateBulkJobBody["search_params"]): CreateBulkJobBody => ({ action: "MOVE", destination: "JunkEmail", search_params });
const release = (search_params: CreateBulkJobBody["search_params"]): CreateBulkJobBody => ({ action: "RELEASE", search_params });
const clean = { matched: 10, more: false, dangerous: 0 };

describe("approvalReasons", () => {
  it.each([
    ["a small filtered move", move({ sender: "a@example.test" }), clean, []],
    ["a small filtered release of clean mail", release({ sender: "a@example.test" }), clean, []],
    ["a move that reaches malicious mail (only releases are risky that way)", move({ sender: "a@example.test" }), { ...clean, dangerous: 3 }, []],
    ["a release that reaches malicious mail", release({ sender: "a@example.test" }), { ...clean, dangerous: 3 }, [/3 messages classified MALICIOUS/]],
    ["a move to Inbox that reaches malicious mail (it returns mail like a release)", { action: "MOVE" as const, destination: "Inbox" as const, search_params: { sender: "a@example.test" } }, { ...clean, dangerous: 2 }, [/move to Inbox includes 2 messages classified MALICIOUS/]],
    ["a release filtered to MALICIOUS that matched nothing yet", release({ final_disposition: "MALICIOUS" }), { ...clean, matched: 0 }, [/of messages classified MALICIOUS/]],
    ["exactly the threshold", move({ sender: "a@example.test" }), { ...clean, matched: 500 }, []],
    ["one past the threshold", move({ sender: "a@example.test" }), { ...clean, matched: 501, more: true }, [/more than 500/]],
    ["an unfiltered search (dates only)", move({ start: "2026-11-01T00:00:00Z", detections_only: true }), clean, [/no filters/]],
    ["a count that could not finish", move({ sender: "a@example.test" }), { ...clean, incomplete: "Cloudflare was still running the search." }, [/could not be counted/]],
  ])("%s", (_name, body, scan, expected) => {
    const reasons = approvalReasons(body, scan, 500);
    expect(reasons).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(reasons[i]).toMatch(re));
  });

  it("says why a search it cannot run needs approval", () => {
    const body = move({ exact_subject: "Invoice", submissions: true, sender: "a@example.test" });
    expect(approvalReasons(body, { uncountable: uncountableFilters(body.search_params) }, 500)).toEqual([
      "Cloudflare's search has no exact subject or submissions filter, so the console cannot count or sample what the job would act on.",
    ]);
  });
});

describe("the job's search", () => {
  it("treats nulls like unset filters", () => {
    expect(isUnfilteredBulkSearch({ sender: null, query: null, end: "2026-11-02T00:00:00Z" })).toBe(true);
    expect(isUnfilteredBulkSearch({ domain: "example.test" })).toBe(false);
  });

  it("is searched with the search operation's filters only", () => {
    expect(searchFor({ sender: "a@example.test", subject: null, detections_only: false, final_disposition: "SPAM" })).toEqual({
      sender: "a@example.test",
      detections_only: false,
      final_disposition: "SPAM",
    });
    expect(uncountableFilters({ final_disposition: "MALICIOUS-BEC" })).toEqual(["disposition MALICIOUS-BEC"]);
    expect(uncountableFilters({ final_disposition: "MALICIOUS", sender: "x" })).toEqual([]);
  });
});
