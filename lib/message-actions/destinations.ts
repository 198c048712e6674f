import { DESTINATIONS, type Destination } from "@/lib/schemas/enums";
import { isThreat } from "@/lib/severity";

/**
 * The mailbox folders a move can send a message to, in the analyst's words rather than the API's
 * (`RecoverableItemsPurges`), each with what it means for the person whose mailbox it is. The
 * dialogs of the message page and of the list's selection both read this, so a folder is named
 * the same way wherever it is offered.
 */
export interface DestinationChoice {
  value: Destination;
  /** "Junk": what the buttons and notices call it ("Move to Junk"). */
  label: string;
  /** What the user of the mailbox will see afterwards. */
  consequence: string;
  /**
   * The user can still open the message there. A threat must not go to such a folder by default,
   * and the dialog groups these apart under words that say so ("Deleted items" is one of them).
   */
  userCanOpen: boolean;
  /** Cannot be undone: styled as a danger, confirm button included. */
  destructive: boolean;
  /** The digit that picks it in the move dialog: its place in the API's list, so keys never change. */
  key: string;
}

const WORDS: Record<Destination, Pick<DestinationChoice, "label" | "consequence" | "userCanOpen" | "destructive">> = {
  Inbox: { label: "Inbox", consequence: "back where the user reads mail", userCanOpen: true, destructive: false },
  JunkEmail: { label: "Junk", consequence: "the user still sees it", userCanOpen: true, destructive: false },
  DeletedItems: { label: "Deleted items", consequence: "the user can still open or restore it", userCanOpen: true, destructive: false },
  RecoverableItemsDeletions: {
    label: "Recoverable items",
    consequence: "hidden from the user; an administrator can restore it",
    userCanOpen: false,
    destructive: false,
  },
  RecoverableItemsPurges: { label: "Purge", consequence: "permanent for the user", userCanOpen: false, destructive: true },
};

export const DESTINATION_CHOICES: readonly DestinationChoice[] = DESTINATIONS.map((value, i) => ({
  value,
  ...WORDS[value],
  key: String(i + 1),
}));

export function destinationChoice(value: Destination): DestinationChoice {
  return DESTINATION_CHOICES.find((c) => c.value === value) ?? { value, ...WORDS[value], key: "" };
}

/** The destination a digit picks in the move dialog ("3" → DeletedItems), if any. */
export function destinationForKey(key: string): Destination | undefined {
  return DESTINATION_CHOICES.find((c) => c.key === key)?.value;
}

/** "Move to Junk", "Move 3 messages to Purge": a confirm button named after what it does. */
export function moveButtonLabel(destination: Destination, count?: number): string {
  const what = count === undefined ? "" : ` ${count} ${count === 1 ? "message" : "messages"}`;
  return `Move${what} to ${destinationChoice(destination).label}`;
}

/**
 * Where the move dialog starts, from the verdicts of the messages it moves: a threat (MALICIOUS,
 * MALICIOUS-BEC, SPOOF, SUSPICIOUS; lib/severity.ts) goes where the user cannot open it but an
 * administrator can still bring it back (Recoverable items); anything else, spam and bulk mail
 * included, to Junk. One threat in a selection is enough: the safe default is the one that does
 * not leave it in front of the user. The analyst can still pick any folder.
 */
export function defaultDestination(dispositions: readonly (string | null | undefined)[]): Destination {
  return dispositions.some((d) => isThreat(d)) ? "RecoverableItemsDeletions" : "JunkEmail";
}
