import { describe, expect, it } from "vitest";
import { approvingReturnsThreat } from "./describe";
import type { ApprovalBody, ApprovalSampleRow } from "./types";

const row = (final_disposition: string | null): ApprovalSampleRow => ({ id: "x", from: null, to: null, subject: null, final_disposition, received_at: null });
const release: ApprovalBody = { action: "RELEASE", ids: ["x"] };
const toInbox: ApprovalBody = { action: "MOVE", destination: "Inbox", ids: ["x"] };

describe("approving returns a known threat", () => {
  it.each([
    ["a release of MALICIOUS mail", release, ["SPAM", "MALICIOUS"], true],
    ["a release of MALICIOUS-BEC mail", release, ["MALICIOUS-BEC"], true],
    ["a move to Inbox of SPOOF mail", toInbox, ["SPOOF"], true],
    ["a release of spam past the hourly allowance", release, ["SPAM", "BULK"], false],
    ["a release whose messages were not read (no disposition)", release, [null], true],
  ] as const)("%s → %s", (_, body, dispositions, threat) => {
    expect(approvingReturnsThreat({ body, sample: dispositions.map(row) })).toBe(threat);
  });
});
