import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export const SHORTCUTS: [string, string][] = [
  ["/", "Focus the search box"],
  ["j", "Next message"],
  ["k", "Previous message"],
  ["x", "Select or unselect the active message"],
  ["Enter", "Open the active message"],
  ["?", "Show these shortcuts"],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-px font-mono text-[11px]">{key}</kbd>
            </dt>
            <dd className="text-zinc-700">{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
