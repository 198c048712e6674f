import { Fragment } from "react";
import { shortcutLabel, type ShortcutList } from "@/lib/keyboard/shortcuts";

/** The one-line reminder ("Keys: 1–6 tabs · m move · …"), from the shortcuts that have a hint. */
export function ShortcutHint({ shortcuts, hidden, className = "" }: { shortcuts: ShortcutList; hidden?: boolean; className?: string }) {
  const hinted = shortcuts.filter((s) => s.hint);
  return (
    <span hidden={hidden} className={className}>
      Keys:{" "}
      {hinted.map((s, i) => (
        <Fragment key={s.id}>
          {i > 0 ? " · " : null}
          <kbd>{shortcutLabel(s)}</kbd> {s.hint}
        </Fragment>
      ))}
    </span>
  );
}
