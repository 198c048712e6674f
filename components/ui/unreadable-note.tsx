/**
 * Said wherever the console left out entries of a reply it could not read (see
 * lib/cloudflare/reply-schemas.ts): the rest is shown, and the analyst knows something is missing.
 */
export function UnreadableNote({ count }: { count: number | null | undefined }) {
  if (!count) return null;
  return (
    <p role="note" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-[12px] text-amber-950">
      {count === 1
        ? "1 entry Cloudflare sent could not be read and is not shown."
        : `${count} entries Cloudflare sent could not be read and are not shown.`}
    </p>
  );
}
