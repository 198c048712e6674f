import { TimeText } from "@/components/ui/time-text";

/**
 * Beside a mail's own Date header ("Tue, 01 Dec 2026 11:32:36 +0000", kept as evidence), the same
 * moment as the console writes every time: in the analyst's zone, named, UTC on hover.
 */
export function HeaderDateNote({ name, value }: { name: string; value: string }) {
  if (name.toLowerCase() !== "date") return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return (
    <span className="ml-2 font-sans text-zinc-600">
      (<TimeText iso={new Date(ms).toISOString()} />)
    </span>
  );
}
