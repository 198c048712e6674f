import { describe, expect, it } from "vitest";
import { MESSAGE_TABS } from "@/lib/messages/tabs";
import { defineShortcuts, MESSAGE_LIST_SHORTCUTS, MESSAGE_PAGE_SHORTCUTS, shortcutForKey, shortcutLabel } from "./shortcuts";

describe("shortcut registry", () => {
  it("refuses a key bound twice on one page", () => {
    expect(() =>
      defineShortcuts([
        { id: "a", keys: ["m"], description: "A" },
        { id: "b", keys: ["m"], description: "B" },
      ]),
    ).toThrow(/"m" is bound twice/);
  });

  it.each([
    ["j", "next"],
    ["k", "previous"],
    ["x", "toggle-selection"],
    ["/", "focus-search"],
    ["Enter", "open"],
    ["?", "help"],
  ])("the list maps %s to %s", (key, id) => {
    expect(shortcutForKey(MESSAGE_LIST_SHORTCUTS, key)?.id).toBe(id);
  });

  it.each([
    ["m", "move"],
    ["r", "release"],
    ["c", "reclassify"],
    ["Escape", "back"],
    ["3", "tab"],
  ])("the message page maps %s to %s", (key, id) => {
    expect(shortcutForKey(MESSAGE_PAGE_SHORTCUTS, key)?.id).toBe(id);
  });

  it("has one digit per message tab and no more", () => {
    const tab = MESSAGE_PAGE_SHORTCUTS.find((s) => s.id === "tab");
    expect(tab?.keys).toHaveLength(MESSAGE_TABS.length);
    expect(shortcutForKey(MESSAGE_PAGE_SHORTCUTS, "7")).toBeUndefined();
  });

  it("writes keys for people", () => {
    expect(MESSAGE_PAGE_SHORTCUTS.map(shortcutLabel)).toEqual(["1–6", "m", "r", "c", "j", "k", "Esc", "?"]);
  });
});
