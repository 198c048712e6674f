import Link from "next/link";

// Rendered (with HTTP 404) when Email Security does not know the id the page was asked for.
export default function MessageNotFound() {
  return (
    <div role="alert" className="mx-auto mt-12 max-w-lg rounded border border-zinc-200 bg-white p-4">
      <p className="text-[12px] font-semibold text-zinc-500">Error 404</p>
      <h1 className="mt-1 text-base font-semibold">Message not found</h1>
      <p className="mt-1 text-zinc-700">
        Email Security has no message with this id. It may have been mistyped, or be older than the retention period.
      </p>
      <Link href="/messages" className="mt-3 inline-block text-blue-800 underline">
        Search messages
      </Link>
    </div>
  );
}
