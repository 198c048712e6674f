import { Button } from "@/components/ui/button";
import { describeFilters, type MessageUrlState } from "@/lib/messages/search-url";

/** The empty table: which filters matched nothing, and the way out. */
export function NoResults({ state, onClear }: { state: MessageUrlState; onClear: () => void }) {
  const active = describeFilters(state);
  return (
    <div className="flex flex-col items-center gap-2 text-center">
      <p className="font-medium text-zinc-800">No messages found</p>
      <p className="max-w-xl text-zinc-600">
        {active.length > 0 ? `No messages match: ${active.map((f) => `${f.label} ${f.value}`).join(" · ")}.` : "No messages in the API's default window."}
        {state.filters.detections_only !== false ? " Only detections are searched; untick “Detections only” to include clean mail." : ""}
      </p>
      {active.length > 0 ? <Button onClick={onClear}>Clear filters</Button> : null}
    </div>
  );
}
