"use client";

import { useEffect, useState } from "react";
import { pendingRateLimit } from "@/lib/queries/http";

/**
 * While a read waits out a 429, say so and count down to the retry, so a pause during an
 * incident reads as "the console is pacing itself", not as a hang.
 */
export function RateLimitNotice({ query }: { query: Parameters<typeof pendingRateLimit>[0] }) {
  const waiting = pendingRateLimit(query);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const attempt = waiting?.attempt ?? 0;
  const seconds = waiting?.retryAfterSeconds ?? 0;

  useEffect(() => {
    setRetryAt(waiting ? Date.now() + seconds * 1000 : null);
    // A new failure (attempt) restarts the countdown.
  }, [attempt, seconds]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [retryAt]);

  if (!waiting || retryAt === null) return null;
  const left = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return (
    <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-[12px] text-amber-900">
      {waiting.byConsole
        ? "The console is pacing its requests so the team's Cloudflare quota lasts."
        : "Cloudflare asked the console to slow down."}{" "}
      Retrying in {left} s (retry {waiting.attempt} of {waiting.of}).
    </p>
  );
}
