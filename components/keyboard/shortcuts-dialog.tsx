import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { shortcutLabel, type ShortcutList } from "@/lib/keyboard/shortcuts";

/** The `?` dialog: the page's shortcuts, straight from the registry. */
export function ShortcutsDialog({ shortcuts, open, onClose }: { shortcuts: ShortcutList; open: boolean; onClose: () => void }) {
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
        {shortcuts.map((shortcut) => (
          <div key={shortcut.id} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-px font-mono text-[11px]">{shortcutLabel(shortcut)}</kbd>
            </dt>
            <dd className="text-zinc-700">{shortcut.description}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
