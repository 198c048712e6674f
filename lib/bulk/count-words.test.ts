import { describe, expect, it } from "vitest";
import { countSentence, countWords, createJobLabel, type BulkMatchCount } from "./count-words";

const count = (matched: number, more = false, extra: Partial<BulkMatchCount> = {}): BulkMatchCount => ({
  matched,
  more,
  cap: 2000,
  approval_threshold: 500,
  ...extra,
});

describe("bulk count words", () => {
  it("says the number, approximate only while the window is open, and 'more than' past the cap", () => {
    expect(countWords(count(1070), false)).toBe("1,070");
    expect(countWords(count(1070), true)).toBe("~1,070");
    expect(countWords(count(2000, true), false)).toBe("more than 2,000");
    expect(countWords(count(300, true, { incomplete: "Cloudflare was still running the search." }), false)).toBe("more than 300");
  });

  it("names the action, the count and the folder on the create button; plainly 'Create job' without a count", () => {
    expect(createJobLabel("MOVE", "JunkEmail", "~1,070")).toBe("Create job: move ~1,070 to Junk");
    expect(createJobLabel("RELEASE", "", "12")).toBe("Create job: release 12");
    expect(createJobLabel("MOVE", "", "12")).toBe("Create job: move 12");
    expect(createJobLabel("MOVE", "RecoverableItemsPurges", "more than 2,000")).toBe("Create job: move more than 2,000 to Purged items (permanent)");
    expect(createJobLabel("MOVE", "JunkEmail", null)).toBe("Create job");
  });

  it("states the count and when a second admin will be needed", () => {
    expect(countSentence(count(12), false)).toBe("This search matches 12 messages now.");
    expect(countSentence(count(1), false)).toBe("This search matches 1 message now.");
    expect(countSentence(count(0), false)).toBe("This search matches no messages now.");
    expect(countSentence(count(1070), true)).toBe("This search matches ~1,070 messages now; past 500, a second admin must approve the job.");
    expect(countSentence(count(2000, true), false)).toMatch(/^This search matches more than 2,000 messages now; past 500/);
  });
});
