"use client";

import { useEffect, useId } from "react";
import { DESTINATION_CHOICES, destinationForKey, type DestinationChoice } from "@/lib/message-actions/destinations";
import type { Destination } from "@/lib/schemas/enums";

const SAFE = DESTINATION_CHOICES.filter((c) => !c.destructive);
const DESTRUCTIVE = DESTINATION_CHOICES.filter((c) => c.destructive);

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
 * Where a move sends mail, as labelled choices that say what each means for the user. The
 * destructive ones (the user loses sight of the message) are a group of their own, set apart
 * and red: with two radio groups, arrow keys cannot slide from Junk into Purge. A digit picks a
 * destination while `keys` is on (the move dialogs: m, 3, Enter).
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
      <ul role="radiogroup" aria-label="Folders the user can still reach" className="flex flex-col gap-0.5">
        {SAFE.map((c) => (
          <Choice key={c.value} choice={c} name={`${name}-safe`} checked={value === c.value} disabled={disabled} onChange={onChange} />
        ))}
      </ul>
      <div className="rounded border border-red-300 bg-red-50/60 p-1.5">
        <p id={`${name}-destructive`} className="px-2 pb-0.5 text-[11px] font-semibold text-red-800 uppercase">
          Takes the message away from the user
        </p>
        <ul role="radiogroup" aria-labelledby={`${name}-destructive`} className="flex flex-col gap-0.5">
          {DESTRUCTIVE.map((c) => (
            <Choice key={c.value} choice={c} name={`${name}-destructive`} checked={value === c.value} disabled={disabled} onChange={onChange} />
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
