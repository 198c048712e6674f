import { describe, expect, it } from "vitest";
import { moveOutcomes, releaseOutcomes } from "./action-outcomes";

describe("moveOutcomes", () => {
  it("matches results by message_id, including aliases", () => {
    const outcomes = moveOutcomes(
      ["m1", "m2"],
      "JunkEmail",
      [
        { success: false, message_id: "p2", recipient: "b@corp", status: "mailbox not found" },
        { success: true, message_id: "m1", destination: "JunkEmail" },
      ],
      { m2: ["p2"] },
    );
    expect(outcomes).toEqual([
      { id: "m1", ok: true, detail: "Moved to JunkEmail" },
      { id: "m2", ok: false, detail: "Failed: mailbox not found (b@corp)" },
    ]);
  });

  it("falls back to request order when ids are not echoed", () => {
    expect(moveOutcomes(["m1", "m2"], "Inbox", [{ success: true }, { success: false }])).toEqual([
      { id: "m1", ok: true, detail: "Moved to Inbox" },
      { id: "m2", ok: false, detail: "Failed: move failed" },
    ]);
  });

  it("fails a message when any of its recipients failed", () => {
    const [outcome] = moveOutcomes(["m1"], "Inbox", [
      { success: true, message_id: "m1", recipient: "a@x" },
      { success: false, message_id: "m1", recipient: "b@x", status: "timeout" },
    ]);
    expect(outcome).toEqual({ id: "m1", ok: false, detail: "Failed: timeout (b@x)" });
  });

  it("says so when nothing came back for a message", () => {
    expect(moveOutcomes(["m1", "m2"], "Inbox", [{ success: true, message_id: "m1" }])[1]).toEqual({
      id: "m2",
      ok: false,
      detail: "Failed: no result returned for this message",
    });
  });

  it("does not give one message's result to another by position", () => {
    expect(moveOutcomes(["m1", "m2"], "Inbox", [{ success: true, message_id: "m2" }, { success: true, message_id: "zz" }])[0]?.ok).toBe(false);
  });
});

describe("releaseOutcomes", () => {
  it("reports delivered, failed and undelivered recipients", () => {
    expect(
      releaseOutcomes(
        ["m1", "m2", "m3"],
        [
          { id: "m3", delivered: [], undelivered: ["c@x"] },
          { id: "m1", delivered: ["a@x"], failed: null },
          { id: "m2", delivered: [], failed: ["b@x"] },
        ],
      ),
    ).toEqual([
      { id: "m1", ok: true, detail: "Released to a@x" },
      { id: "m2", ok: false, detail: "Failed for b@x" },
      { id: "m3", ok: false, detail: "Not delivered to c@x" },
    ]);
  });

  it("tolerates a missing result", () => {
    expect(releaseOutcomes(["m1"], [])).toEqual([{ id: "m1", ok: false, detail: "Failed: no result returned for this message" }]);
  });
});
