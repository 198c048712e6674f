import { Button } from "@/components/ui/button";

/** Page-numbered paging for lists without a total: Previous, the page number, Next. */
export function Pager({
  label,
  page,
  hasNext,
  disabled,
  onPage,
}: {
  label: string;
  page: number;
  hasNext: boolean;
  disabled?: boolean;
  onPage: (page: number) => void;
}) {
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2">
      <span className="text-[12px] text-zinc-600">Page {page}</span>
      <Button onClick={() => onPage(page - 1)} disabled={disabled || page <= 1}>
        ← Previous
      </Button>
      <Button onClick={() => onPage(page + 1)} disabled={disabled || !hasNext}>
        Next →
      </Button>
    </nav>
  );
}
