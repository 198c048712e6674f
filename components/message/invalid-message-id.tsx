import Link from "next/link";

/** A link whose id cannot be a message id: say what is wrong instead of asking Cloudflare. */
export function InvalidMessageId({ value, reason }: { value: string; reason: string }) {
  return (
    <div role="alert" className="mx-auto mt-12 max-w-lg rounded border border-amber-300 bg-white p-4">
      <p className="text-[12px] font-semibold text-amber-800">Error 400 · Bad request</p>
      <h1 className="mt-1 text-base font-semibold">This is not a valid message id</h1>
      <p className="mt-1 text-zinc-700">{reason}.</p>
      <p className="mt-1 font-mono text-[12px] break-all text-zinc-600">{value.slice(0, 300)}</p>
      <p className="mt-2 text-zinc-700">Check the link you were given, or find the message by searching.</p>
      <Link href="/messages" className="mt-3 inline-block text-blue-800 underline">
        Go to messages
      </Link>
    </div>
  );
}
