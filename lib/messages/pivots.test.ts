import { describe, expect, it } from "vitest";
import type { Message } from "@/lib/cloudflare/types";
import { testMessage } from "@/lib/testing/message";
import { applyPivot, pivotFilters, subjectStem } from "./pivots";

const base: Message = testMessage({
  from: "Payroll <payroll@Evil.Example>",
  subject: "  Payroll update required - #77594  ",
  edf_hash: "abc123",
});

describe("subjectStem", () => {
  it.each([
    ["Payroll update required - #77594", "Payroll update required"],
    ["Payroll update required - ref 4821", "Payroll update required"],
    ["Payroll update required - Alice", "Payroll update required"],
    ["Invoice 4821 overdue | Accounts", "Invoice overdue"],
    ["Re: the plan - and what comes after it all", "Re: the plan - and what comes after it all"],
    ["12345", ""],
  ])("%j → %j", (subject, stem) => {
    expect(subjectStem(subject)).toBe(stem);
  });
});

describe("pivotFilters", () => {
  it("pivots on sender, domain and campaign", () => {
    expect(pivotFilters("sender", base)).toEqual({ sender: "payroll@Evil.Example" });
    expect(pivotFilters("domain", base)).toEqual({ domain: "evil.example" });
    expect(pivotFilters("campaign", base)).toEqual({ domain: "evil.example", subject: "Payroll update required" });
  });

  it("falls back to the exact subject when nothing is left of the stem", () => {
    expect(pivotFilters("campaign", { ...base, subject: "#1234" })).toEqual({ domain: "evil.example", exact_subject: "#1234" });
  });

  it("offers no campaign pivot without a hash or a subject", () => {
    expect(pivotFilters("campaign", { ...base, edf_hash: null, htmltext_structure_hash: null })).toBeNull();
    expect(pivotFilters("campaign", { ...base, subject: "  " })).toBeNull();
    expect(pivotFilters("campaign", { ...base, edf_hash: null, htmltext_structure_hash: "h" })).not.toBeNull();
  });

  it("offers no sender pivot without an address", () => {
    expect(pivotFilters("sender", { ...base, from: "nobody", envelope_from: null })).toBeNull();
  });
});

describe("applyPivot", () => {
  it("keeps other filters and replaces what the pivot supersedes", () => {
    expect(applyPivot({ query: "x", sender: "a@b.c", final_disposition: "SPAM" }, { domain: "b.c" })).toEqual({
      query: "x",
      domain: "b.c",
      final_disposition: "SPAM",
    });
    expect(applyPivot({ sender: "a@b.c", exact_subject: "Invoice 1" }, { domain: "b.c", subject: "Invoice" })).toEqual({
      domain: "b.c",
      subject: "Invoice",
    });
    expect(applyPivot({ domain: "b.c", subject: "inv" }, { sender: "a@b.c" })).toEqual({ sender: "a@b.c", subject: "inv" });
  });
});
