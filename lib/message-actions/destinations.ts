import { DESTINATIONS, type Destination } from "@/lib/schemas/enums";

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
  /** The user loses sight of the message: offered apart from the others, styled as a danger. */
  destructive: boolean;
  /** The digit that picks it in the move dialog: its place in the API's list, so keys never change. */
  key: string;
}

const WORDS: Record<Destination, Pick<DestinationChoice, "label" | "consequence" | "destructive">> = {
  Inbox: { label: "Inbox", consequence: "back where the user reads mail", destructive: false },
  JunkEmail: { label: "Junk", consequence: "the user still sees it", destructive: false },
  DeletedItems: { label: "Deleted items", consequence: "the user can still open or restore it", destructive: false },
  RecoverableItemsDeletions: {
    label: "Recoverable items",
    consequence: "hidden from the user; an administrator can restore it",
    destructive: true,
  },
  RecoverableItemsPurges: { label: "Purge", consequence: "permanent for the user", destructive: true },
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
