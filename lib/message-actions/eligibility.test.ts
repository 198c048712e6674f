import { describe, expect, it } from "vitest";
import {
  describeBlocked,
  eligibility,
  moveEligibility,
  releaseEligibility,
  selectionEligibility,
  type ActionableMessage,
} from "./eligibility";

const m = (delivery_status: string[] | null, is_quarantined: boolean | null = false): ActionableMessage => ({ delivery_status, is_quarantined });

describe("moveEligibility", () => {
  it.each([
    [m(["delivered"]), { ok: true }],
    [m(["moved"]), { ok: true }],
    [m(["move_failed"]), { ok: true }],
    [m(["quarantined"]), { ok: false, reason: "quarantined: release first" }],
    [m(["delivered"], true), { ok: false, reason: "quarantined: release first" }],
    [m(["rejected"]), { ok: false, reason: "rejected: never delivered" }],
    [m(["bounced"]), { ok: false, reason: "bounced: never delivered" }],
    [m(["queued"]), { ok: false, reason: "queued: not delivered yet" }],
    [m(["deferred"]), { ok: false, reason: "deferred: not delivered yet" }],
    // Unknown to the console: Cloudflare judges it.
    [m(["something_new"]), { ok: true }],
    [m(null, null), { ok: true }],
    [m([]), { ok: true }],
  ])("%j → %j", (message, expected) => {
    expect(moveEligibility(message)).toEqual(expected);
  });
});

describe("releaseEligibility", () => {
  it.each([
    [m(["quarantined"]), { ok: true }],
    [m(["delivered"], true), { ok: true }],
    [m(["delivered"]), { ok: false, reason: "delivered: not in quarantine" }],
    [m(["moved"]), { ok: false, reason: "moved: not in quarantine" }],
    [m(null), { ok: false, reason: "not in quarantine" }],
  ])("%j → %j", (message, expected) => {
    expect(releaseEligibility(message)).toEqual(expected);
  });

  it("is the opposite of move for a quarantined message", () => {
    const q = m(["quarantined"], true);
    expect(eligibility("release", q).ok).toBe(true);
    expect(eligibility("move", q).ok).toBe(false);
  });
});

describe("selectionEligibility", () => {
  const delivered = { id: "a", ...m(["delivered"]) };
  const quarantined = { id: "b", ...m(["quarantined"], true) };
  const quarantined2 = { id: "c", ...m(["quarantined"], true) };
  const rejected = { id: "d", ...m(["rejected"]) };

  it("keeps the eligible in order and counts the rest by reason, most frequent first", () => {
    const result = selectionEligibility("move", [rejected, quarantined, delivered, quarantined2]);
    expect(result.eligible.map((x) => x.id)).toEqual(["a"]);
    expect(result.blocked).toEqual([
      { reason: "quarantined: release first", count: 2 },
      { reason: "rejected: never delivered", count: 1 },
    ]);
    expect(describeBlocked(result.blocked)).toBe("2 quarantined: release first; 1 rejected: never delivered");
  });

  it("says nothing when every message can be acted on", () => {
    const result = selectionEligibility("release", [quarantined, quarantined2]);
    expect(result.eligible).toHaveLength(2);
    expect(describeBlocked(result.blocked)).toBe("");
  });
});
