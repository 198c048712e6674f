import { describe, expect, it } from "vitest";
import { primaryAction, releaseMayLead } from "./primary";

describe("releaseMayLead", () => {
  it.each([
    ["MALICIOUS", false],
    ["MALICIOUS-BEC", false],
    ["SPOOF", false],
    ["SUSPICIOUS", true],
    ["SPAM", true],
    ["BULK", true],
    ["NONE", true],
    [null, true],
    // A verdict the console does not know yet is not a known threat.
    ["SOMETHING-NEW", true],
  ])("%s → %s", (disposition, expected) => {
    expect(releaseMayLead(disposition)).toBe(expected);
  });
});

describe("primaryAction", () => {
  const quarantined = { moveOk: false, releaseOk: true };
  const delivered = { moveOk: true, releaseOk: false };
  it.each([
    [{ ...quarantined, disposition: "MALICIOUS" }, null],
    [{ ...quarantined, disposition: "MALICIOUS-BEC" }, null],
    [{ ...quarantined, disposition: "SPOOF" }, null],
    [{ ...quarantined, disposition: "SPAM" }, "release"],
    [{ ...quarantined, disposition: "NONE" }, "release"],
    [{ ...delivered, disposition: "MALICIOUS" }, "move"],
    [{ ...delivered, disposition: "NONE" }, "move"],
    [{ moveOk: false, releaseOk: false, disposition: "NONE" }, null],
  ] as const)("%j → %s", (m, expected) => {
    expect(primaryAction(m)).toBe(expected);
  });
});
