import { describe, expect, it } from "vitest";
import { deliveryEmphasis, dispositionSeverity, isDeliveredThreat, isThreat, severityRank } from "./severity";

describe("dispositionSeverity", () => {
  it("orders the dispositions on one scale, strongest first", () => {
    const order = ["MALICIOUS", "SPOOF", "SUSPICIOUS", "SPAM", "BULK", "NONE"].map((d) => severityRank(dispositionSeverity(d)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it.each([
    ["MALICIOUS", "critical"],
    ["MALICIOUS-BEC", "critical"],
    ["SPOOF", "high"],
    ["SUSPICIOUS", "elevated"],
    ["SPAM", "low"],
    ["BULK", "minimal"],
    ["NONE", "none"],
    ["SOMETHING_NEW", "unknown"],
    [null, "unknown"],
    [undefined, "unknown"],
  ])("%s → %s", (d, expected) => {
    expect(dispositionSeverity(d)).toBe(expected);
  });

  it("calls MALICIOUS, MALICIOUS-BEC, SPOOF and SUSPICIOUS threats, and nothing else", () => {
    expect(["MALICIOUS", "MALICIOUS-BEC", "SPOOF", "SUSPICIOUS"].every(isThreat)).toBe(true);
    expect(["SPAM", "BULK", "NONE", "X", null].some(isThreat)).toBe(false);
  });
});

describe("deliveryEmphasis", () => {
  it.each([
    ["delivered", "MALICIOUS", "alert"],
    ["delivered", "SPOOF", "alert"],
    ["delivered", "SUSPICIOUS", "alert"],
    ["delivered", "SPAM", "normal"],
    ["delivered", null, "normal"],
    ["move_failed", "NONE", "attention"],
    ["quarantined", "MALICIOUS", "receded"],
    ["moved", "MALICIOUS", "receded"],
    ["rejected", "SPAM", "receded"],
    ["queued", "NONE", "normal"],
  ])("%s with %s → %s", (status, d, expected) => {
    expect(deliveryEmphasis(status, d)).toBe(expected);
  });

  it("finds a threat still in a mailbox", () => {
    expect(isDeliveredThreat({ final_disposition: "MALICIOUS", delivery_status: ["delivered"] })).toBe(true);
    expect(isDeliveredThreat({ final_disposition: "MALICIOUS", delivery_status: ["quarantined"] })).toBe(false);
    expect(isDeliveredThreat({ final_disposition: "BULK", delivery_status: ["delivered"] })).toBe(false);
    expect(isDeliveredThreat({ final_disposition: "SPOOF", delivery_status: null })).toBe(false);
  });
});
