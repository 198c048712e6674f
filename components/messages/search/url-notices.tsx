import { Revealed } from "@/components/ui/revealed";
import { Button } from "@/components/ui/button";
import { labelFor, type ParsedMessageUrl } from "@/lib/messages/search-url";

/** What the link asked for that the search cannot use: bad values, unknown keys, bulk-only filters. */
export function UrlNotices({ parsed, onClear }: { parsed: ParsedMessageUrl; onClear: () => void }) {
  const hasErrors = Object.keys(parsed.errors).length > 0;
  // Errors of the filters are shown next to them; the paging and sort ones have no control, so here.
  const pagingErrors = (["cursor", "prev", "sort"] as const).filter((k) => parsed.errors[k]);
  return (
    <>
      {hasErrors ? (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          <p className="font-medium">This link has values the search cannot use; fix the highlighted filters to search.</p>
          {pagingErrors.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {pagingErrors.map((k) => (
                <li key={k}>
                  <Revealed text={parsed.errors[k]} />
                </li>
              ))}
            </ul>
          ) : null}
          <Button className="mt-1.5" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      ) : null}
      {parsed.unknownKeys.length > 0 ? (
        <p className="text-[12px] text-zinc-500">Ignored unknown link parameters: <Revealed text={parsed.unknownKeys.join(", ")} />
        </p>
      ) : null}
      {parsed.bulkOnlyKeys.length > 0 ? (
        <p role="note" className="text-[12px] text-amber-900">
          Ignored {parsed.bulkOnlyKeys.map(labelFor).join(" and ")}: Cloudflare&apos;s search has no such filter, so these results are not
          narrowed by it. Only bulk jobs can use it.
        </p>
      ) : null}
    </>
  );
}
