import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MAX_PAGE_SIZE, PAGE_SIZES } from "@/lib/messages/search-url";

interface PaginationBarProps {
  perPage: number;
  perPageError?: string;
  pageNo: number;
  canGoBack: boolean;
  canGoOn: boolean;
  onPerPage: (perPage: number) => void;
  onPrevious: () => void;
  onNext: () => void;
}

export function PaginationBar({ perPage, perPageError, pageNo, canGoBack, canGoOn, onPerPage, onPrevious, onNext }: PaginationBarProps) {
  return (
    <nav aria-label="Pagination" className="flex items-center gap-2">
      <label className="flex items-center gap-1.5 text-[12px] text-zinc-700">
        Page size
        <select
          aria-invalid={perPageError ? true : undefined}
          aria-describedby={perPageError ? "page-size-error" : undefined}
          value={perPage}
          onChange={(e) => onPerPage(Number(e.target.value))}
          className={`${inputClass} w-20`}
        >
          {[...new Set([...PAGE_SIZES, perPage])]
            .filter((n) => n <= MAX_PAGE_SIZE)
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
        </select>
      </label>
      {perPageError ? (
        <span id="page-size-error" className="text-[11px] text-red-700">
          {perPageError}
        </span>
      ) : null}
      <span className="ml-auto text-[12px] text-zinc-600">Page {pageNo}</span>
      <Button onClick={onPrevious} disabled={!canGoBack}>
        ← Previous
      </Button>
      <Button onClick={onNext} disabled={!canGoOn}>
        Next →
      </Button>
    </nav>
  );
}
