import { describe, expect, it } from "vitest";
import { DESTINATIONS } from "@/lib/schemas/enums";
import { DESTINATION_CHOICES, defaultDestination, destinationChoice, destinationForKey, moveButtonLabel } from "./destinations";

describe("move destinations in words", () => {
  it("offers every destination the API knows, once, keyed by its place in the API's list", () => {
    expect(DESTINATION_CHOICES.map((c) => c.value)).toEqual([...DESTINATIONS]);
    expect(DESTINATION_CHOICES.map((c) => c.key)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it.each([
    ["Inbox", "Inbox", true, false],
    ["JunkEmail", "Junk", true, false],
    ["DeletedItems", "Deleted items", true, false],
    ["RecoverableItemsDeletions", "Recoverable items", false, false],
    ["RecoverableItemsPurges", "Purge", false, true],
  ] as const)("%s reads as %s (user can open it: %s, cannot be undone: %s)", (value, label, userCanOpen, destructive) => {
    const choice = destinationChoice(value);
    expect(choice.label).toBe(label);
    expect(choice.userCanOpen).toBe(userCanOpen);
    expect(choice.destructive).toBe(destructive);
    expect(choice.consequence).not.toBe("");
    expect(choice.label).not.toMatch(/[a-z][A-Z]/);
  });

  it("says what a purge means for the user", () => {
    expect(destinationChoice("RecoverableItemsPurges").consequence).toBe("permanent for the user");
    expect(destinationChoice("JunkEmail").consequence).toBe("the user still sees it");
  });

  it("keeps the folders the user can open before the others, so the groups are contiguous and digits never change", () => {
    const firstHidden = DESTINATION_CHOICES.findIndex((c) => !c.userCanOpen);
    expect(DESTINATION_CHOICES.slice(firstHidden).every((c) => !c.userCanOpen)).toBe(true);
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

  describe("the folder the move dialog starts on follows the verdict", () => {
    it.each([
      [["MALICIOUS"], "RecoverableItemsDeletions"],
      [["MALICIOUS-BEC"], "RecoverableItemsDeletions"],
      [["SPOOF"], "RecoverableItemsDeletions"],
      [["SUSPICIOUS"], "RecoverableItemsDeletions"],
      [["SPAM"], "JunkEmail"],
      [["BULK"], "JunkEmail"],
      [["NONE"], "JunkEmail"],
      [[null], "JunkEmail"],
      [[], "JunkEmail"],
      // One threat in a selection decides it.
      [["SPAM", "BULK", "MALICIOUS"], "RecoverableItemsDeletions"],
    ] as const)("%j → %s", (dispositions, expected) => {
      expect(defaultDestination(dispositions)).toBe(expected);
    });

    it("never starts a threat where the user can open it, nor anywhere that cannot be undone", () => {
      for (const d of ["MALICIOUS", "MALICIOUS-BEC", "SPOOF", "SUSPICIOUS"]) {
        const choice = destinationChoice(defaultDestination([d]));
        expect(choice.userCanOpen).toBe(false);
        expect(choice.destructive).toBe(false);
      }
    });
  });
});
