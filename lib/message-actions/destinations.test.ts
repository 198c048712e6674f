import { describe, expect, it } from "vitest";
import { DESTINATIONS } from "@/lib/schemas/enums";
import { DESTINATION_CHOICES, destinationChoice, destinationForKey, moveButtonLabel } from "./destinations";

describe("move destinations in words", () => {
  it("offers every destination the API knows, once, keyed by its place in the API's list", () => {
    expect(DESTINATION_CHOICES.map((c) => c.value)).toEqual([...DESTINATIONS]);
    expect(DESTINATION_CHOICES.map((c) => c.key)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it.each([
    ["Inbox", "Inbox", false],
    ["JunkEmail", "Junk", false],
    ["DeletedItems", "Deleted items", false],
    ["RecoverableItemsDeletions", "Recoverable items", true],
    ["RecoverableItemsPurges", "Purge", true],
  ] as const)("%s reads as %s (destructive: %s)", (value, label, destructive) => {
    const choice = destinationChoice(value);
    expect(choice.label).toBe(label);
    expect(choice.destructive).toBe(destructive);
    expect(choice.consequence).not.toBe("");
    expect(choice.label).not.toMatch(/[a-z][A-Z]/);
  });

  it("says what a purge means for the user", () => {
    expect(destinationChoice("RecoverableItemsPurges").consequence).toBe("permanent for the user");
    expect(destinationChoice("JunkEmail").consequence).toBe("the user still sees it");
  });

  it("keeps the destructive destinations after the others, so no arrow or digit slides into them from Junk", () => {
    const firstDestructive = DESTINATION_CHOICES.findIndex((c) => c.destructive);
    expect(DESTINATION_CHOICES.slice(firstDestructive).every((c) => c.destructive)).toBe(true);
  });

  it.each([
    ["3", "DeletedItems"],
    ["5", "RecoverableItemsPurges"],
    ["6", undefined],
    ["0", undefined],
    ["m", undefined],
  ])("key %s picks %s", (key, expected) => {
    expect(destinationForKey(key)).toBe(expected);
  });

  it("names the confirm button after the action and the target", () => {
    expect(moveButtonLabel("JunkEmail")).toBe("Move to Junk");
    expect(moveButtonLabel("RecoverableItemsPurges", 1)).toBe("Move 1 message to Purge");
    expect(moveButtonLabel("DeletedItems", 3)).toBe("Move 3 messages to Deleted items");
  });
});
