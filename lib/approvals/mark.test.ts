import { describe, expect, it } from "vitest";
import { approvalIdInComment, markedComment, withoutApprovalMark } from "./mark";

const ID = "3f2b8c1e-9a4d-4e6b-8c2a-1d5e7f9a0b3c";

describe("the approval mark in a job's comment", () => {
  it.each([
    ["false positives, ticket 42", `false positives, ticket 42 [Triage approval ${ID}]`],
    [null, `[Triage approval ${ID}]`],
    ["", `[Triage approval ${ID}]`],
  ])("marks %j and reads the request back, and the requester's comment", (comment, marked) => {
    expect(markedComment(comment, ID)).toBe(marked);
    expect(approvalIdInComment(marked)).toBe(ID);
    expect(withoutApprovalMark(marked)).toBe(comment || null);
  });

  it("finds no mark in an ordinary comment, or one only mentioning it mid-text", () => {
    expect(approvalIdInComment("campaign 42")).toBeUndefined();
    expect(approvalIdInComment(`see [Triage approval ${ID}] later`)).toBeUndefined();
    expect(withoutApprovalMark("campaign 42")).toBe("campaign 42");
    expect(withoutApprovalMark(null)).toBeNull();
  });
});
