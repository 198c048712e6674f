import { describe, expect, it } from "vitest";
import { keepTyping, type FilterDraft } from "./filter-draft";

type Draft = FilterDraft<"sender" | "subject", "final_disposition", "" | "7d" | "custom">;
const draft = (over: Omit<Partial<Draft>, "text"> & { text?: Partial<Draft["text"]> } = {}): Draft => ({
  rangeMode: "7d",
  start: "",
  end: "",
  choice: { final_disposition: "" },
  detectionsOnly: true,
  ...over,
  text: { sender: "", subject: "", ...over.text },
});

describe("the filter bar when its URL changes", () => {
  it("keeps text typed after a choice was applied, whose URL update came in later", () => {
    const before = draft({ choice: { final_disposition: "SPAM" } });
    const typing = draft({ choice: { final_disposition: "" }, text: { sender: "payroll@acme.test" } });
    const after = draft({ choice: { final_disposition: "" } });
    expect(keepTyping(typing, before, after)).toEqual(draft({ choice: { final_disposition: "" }, text: { sender: "payroll@acme.test" } }));
  });

  it("shows the URL's value for a field the URL changed (back, a pivot, Clear)", () => {
    const before = draft({ text: { sender: "a@x.test" } });
    const typing = draft({ text: { sender: "a@x.test-and-more" } });
    const after = draft({ text: { sender: "b@y.test" } });
    expect(keepTyping(typing, before, after).text.sender).toBe("b@y.test");
  });

  it("takes everything from the URL when nothing was typed", () => {
    const before = draft({ text: { subject: "old" } });
    const after = draft({ text: { subject: "new" }, rangeMode: "custom", start: "2026-11-01T00:00", choice: { final_disposition: "BULK" } });
    expect(keepTyping(before, before, after)).toEqual(after);
  });

  it("keeps a typed custom start the URL did not change", () => {
    const before = draft({ rangeMode: "custom" });
    const typing = draft({ rangeMode: "custom", start: "2026-11-02T08:00" });
    const after = draft({ rangeMode: "custom", choice: { final_disposition: "SPAM" } });
    expect(keepTyping(typing, before, after)).toMatchObject({ start: "2026-11-02T08:00", choice: { final_disposition: "SPAM" } });
  });
});
