"use client";

import { useEffect, useId } from "react";
import { DESTINATION_CHOICES, destinationForKey, type DestinationChoice } from "@/lib/message-actions/destinations";
import type { Destination } from "@/lib/schemas/enums";

const USER_CAN_OPEN = DESTINATION_CHOICES.filter((c) => c.userCanOpen);
const TAKEN_AWAY = DESTINATION_CHOICES.filter((c) => !c.userCanOpen);

function Choice({ choice, name, checked, disabled, onChange }: { choice: DestinationChoice; name: string; checked: boolean; disabled: boolean; onChange: (d: Destination) => void }) {
  const id = useId();
  return (
    <li>
      <label
        className={`flex cursor-pointer items-baseline gap-2 rounded px-2 py-1 ${
          checked ? (choice.destructive ? "bg-red-100 ring-1 ring-red-400" : "bg-blue-50 ring-1 ring-blue-300") : "hover:bg-zinc-100"
        }`}
      >
        <input
          type="radio"
          name={name}
          value={choice.value}
          checked={checked}
          disabled={disabled}
          onChange={() => onChange(choice.value)}
          aria-describedby={`${id}-consequence`}
          aria-keyshortcuts={choice.key}
          className={choice.destructive ? "accent-red-700" : "accent-blue-700"}
        />
        <kbd aria-hidden="true" className="w-3 text-[11px] text-zinc-500">
          {choice.key}
        </kbd>
        <span className={`font-medium whitespace-nowrap ${choice.destructive ? "text-red-800" : ""}`}>{choice.label}</span>
        <span id={`${id}-consequence`} className={choice.destructive ? "text-red-800" : "text-zinc-600"}>
          — {choice.consequence}
        </span>
      </label>
    </li>
  );
}

/**
 * Where a move sends mail, as labelled choices that say what each means for the user, in two
 * groups named for what they do: folders the user can still open (Inbox, Junk and Deleted items:
 * a threat left there can still be clicked) and folders that take the message away from the user.
 * Neither group is dressed as the safe one; the only danger styling is for what cannot be undone
 * (Purge). With two radio groups, arrow keys cannot slide from one into the other. A digit picks
 * a destination while `keys` is on (the move dialogs: m, 4, Enter). The dialog's starting folder
 * comes from `defaultDestination` (lib/message-actions/destinations.ts).
 */
export function DestinationChoices({
  value,
  onChange,
  disabled = false,
  keys = true,
}: {
  value: Destination;
  onChange: (destination: Destination) => void;
  disabled?: boolean;
  keys?: boolean;
}) {
  const name = useId();

  useEffect(() => {
    if (!keys || disabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const chosen = destinationForKey(event.key);
      if (!chosen) return;
      event.preventDefault();
      onChange(chosen);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [keys, disabled, onChange]);

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-[11px] font-medium text-zinc-600">Destination</legend>
      <div className="rounded border border-amber-300 bg-amber-50/50 p-1.5">
        <p id={`${name}-open`} className="px-2 pb-0.5 text-[11px] font-semibold text-amber-900 uppercase">
          The user can still open it
        </p>
        <ul role="radiogroup" aria-labelledby={`${name}-open`} className="flex flex-col gap-0.5">
          {USER_CAN_OPEN.map((c) => (
            <Choice key={c.value} choice={c} name={`${name}-open`} checked={value === c.value} disabled={disabled} onChange={onChange} />
          ))}
        </ul>
      </div>
      <div className="rounded border border-zinc-300 p-1.5">
        <p id={`${name}-away`} className="px-2 pb-0.5 text-[11px] font-semibold text-zinc-700 uppercase">
          Takes the message away from the user
        </p>
        <ul role="radiogroup" aria-labelledby={`${name}-away`} className="flex flex-col gap-0.5">
          {TAKEN_AWAY.map((c) => (
            <Choice key={c.value} choice={c} name={`${name}-away`} checked={value === c.value} disabled={disabled} onChange={onChange} />
          ))}
        </ul>
      </div>
      {keys ? (
        <p className="text-[11px] text-zinc-600">
          Press <kbd>1</kbd>–<kbd>{DESTINATION_CHOICES.length}</kbd> to choose the folder, <kbd>Enter</kbd> to confirm.
        </p>
      ) : null}
    </fieldset>
  );
}
