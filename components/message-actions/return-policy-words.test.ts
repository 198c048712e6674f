import { describe, expect, it } from "vitest";
import { previewReturn } from "@/lib/approvals/release-preview";
import { confirmLabel, heldSummary, releaseNote } from "./return-policy-words";

describe("the release policy's words in the dialogs", () => {
  const allowance = { per_hour: 50, remaining: 1 };

  it("names the confirm button after what the click does", () => {
    expect(confirmLabel("Release 2 messages", "Release", previewReturn(["SPAM", "NONE"], { per_hour: 50, remaining: 5 }))).toBe("Release 2 messages");
    expect(confirmLabel("Release and deliver", "Release", previewReturn(["MALICIOUS"], allowance))).toBe("Send for approval");
    expect(confirmLabel("Release 3 messages", "Release", previewReturn(["MALICIOUS", "SPAM", "MALICIOUS"], allowance))).toBe("Release 1, send 2 for approval");
  });

  it("counts threats in the selection bar and held messages after the click", () => {
    expect(releaseNote("3 can be released", [{ final_disposition: "MALICIOUS" }, { final_disposition: "SPAM" }, { final_disposition: "MALICIOUS-BEC" }])).toBe(
      "3 can be released · 2 of these need a second admin",
    );
    expect(releaseNote("1 can be released", [{ final_disposition: "SPAM" }])).toBe("1 can be released");
    expect(heldSummary([{ id: "a", ok: true, detail: "Released" }, { id: "b", ok: false, detail: "Sent for approval", approvalId: "r1" }])).toBe(
      " 1 sent for approval: a second admin decides.",
    );
  });
});
