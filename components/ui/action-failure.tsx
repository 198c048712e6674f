"use client";

import { useEffect, useRef } from "react";
import { failureAdvice } from "@/lib/browser/failure-advice";
import { ApiError } from "@/lib/queries/http";
import { Button } from "./button";

/**
 * A failed change, made impossible to miss: the server's reason, whether anything may have
 * happened and what to do next, announced (role="alert") and focused when it appears, so the
 * analyst's eyes and a screen reader land on it rather than on a Confirm button that looks idle.
 * Meant for a Dialog's `alert` slot, which keeps it on screen.
 */
export function ActionFailure({
  title,
  error,
  onRetry,
  retrying,
}: {
  title: string;
  error: Error;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error]);
  const facts = error instanceof ApiError ? error : { status: 0, code: "network_error" };
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="rounded border border-red-300 bg-red-50 px-3 py-2 outline-none focus-visible:ring-2 focus-visible:ring-red-600">
      <p className="font-semibold text-red-900">{title}</p>
      <p className="mt-0.5 text-red-900">{error.message}</p>
      <p className="mt-1 text-red-900">{failureAdvice(facts)}</p>
      {error instanceof ApiError ? (
        <p className="mt-0.5 font-mono text-[11px] text-red-700">
          {error.status} {error.code}
        </p>
      ) : null}
      {onRetry ? (
        <Button className="mt-2" onClick={onRetry} disabled={retrying}>
          {retrying ? "Retrying…" : "Try again"}
        </Button>
      ) : null}
    </div>
  );
}
