"use client";

// Replaces the root layout when the layout itself fails, so it carries its own html and body.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <div role="alert">
          <h1>Triage could not start</h1>
          <p>Something went wrong while loading the console.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
