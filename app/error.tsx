"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

// The last line of defence for a page that throws while rendering: say so and offer a retry,
// without showing the error's internals (they may quote upstream or mail content).
export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto mt-16 max-w-md rounded border border-red-200 bg-white p-4">
      <h1 className="text-base font-semibold text-red-800">Something went wrong</h1>
      <p className="mt-1 text-zinc-700">This page failed to display. Try again; if it keeps failing, reload.</p>
      {error.digest ? <p className="mt-1 font-mono text-xs text-zinc-500">Reference: {error.digest}</p> : null}
      <Button className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
