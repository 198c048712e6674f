import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-2 text-zinc-600">There is nothing at this address.</p>
      <Link href="/messages" className="mt-4 inline-block text-blue-700 underline">
        Go to messages
      </Link>
    </div>
  );
}
