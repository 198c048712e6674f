import { describe, expect, it } from "vitest";
import { describePreview, previewReturn } from "./release-preview";
import { returnsToMailbox } from "./rules";

describe("what the release policy will do, said before the click", () => {
  const allowance = { per_hour: 50, remaining: 1 };

  it.each([
    ["clean mail within the hour", ["SPAM", "NONE"], { per_hour: 50, remaining: 10 }, { needApproval: 0, threats: 0, overHour: 0, now: 2 }],
    ["threats wait, the rest goes", ["MALICIOUS", "SPAM", "MALICIOUS-BEC"], { per_hour: 50, remaining: 10 }, { needApproval: 2, threats: 2, overHour: 0, now: 1 }],
    ["past the hour", ["SPAM", "SPAM", "NONE"], allowance, { needApproval: 2, threats: 0, overHour: 2, now: 1 }],
    ["the hour not yet known: only threats are certain", ["MALICIOUS", "SPAM"], undefined, { needApproval: 1, threats: 1, overHour: 0, now: 1 }],
  ])("%s", (_name, dispositions, hour, expected) => {
    expect(previewReturn(dispositions, hour)).toEqual(expected);
  });

  it("says how many of these need a second admin, and why", () => {
    const mixed = previewReturn(["MALICIOUS", "SPAM", "SPAM", "NONE"], allowance);
    expect(describePreview(mixed, 4, allowance)).toBe(
      "3 of these need a second admin (1 classified MALICIOUS or MALICIOUS-BEC, 2 past your 50 an hour): they go to the approvals queue as exactly these messages; the other 1 goes at once.",
    );
    expect(describePreview(previewReturn(["MALICIOUS", "SPAM"], { per_hour: 50, remaining: 9 }), 2, allowance)).toBe(
      "1 of these needs a second admin (1 classified MALICIOUS or MALICIOUS-BEC): it goes to the approvals queue as exactly this message; the other 1 goes at once.",
    );
    expect(describePreview(previewReturn(["MALICIOUS"], allowance), 1, allowance)).toMatch(/^This message needs a second admin \(classified MALICIOUS or MALICIOUS-BEC\)/);
    expect(describePreview(previewReturn(["SPAM"], allowance), 1, allowance)).toBe("");
  });

  it.each([
    [{ action: "RELEASE" }, true],
    [{ action: "MOVE", destination: "Inbox" }, true],
    [{ action: "MOVE", destination: "JunkEmail" }, false],
    [{ action: "MOVE", destination: "RecoverableItemsPurges" }, false],
  ])("%j returns mail to a mailbox: %s", (change, expected) => {
    expect(returnsToMailbox(change)).toBe(expected);
  });
});
