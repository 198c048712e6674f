"use client";

import { useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { useGeneratePreview, usePreview } from "@/lib/queries/message";
import { QueryState } from "./query-state";

const ZOOMS = [0.5, 0.75, 1, 1.5, 2] as const;
const ACTUAL = ZOOMS.indexOf(1);
// Only a well-formed base64 payload becomes an image URL; anything else is refused, not guessed at.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** "fit": as wide as the tab, whatever the screenshot's size; otherwise an index into ZOOMS. */
type Scale = "fit" | number;

function Screenshot({ base64 }: { base64: string }) {
  // Cloudflare's screenshots are narrow (about 320 px): fitting the width is what makes them readable.
  const [scale, setScale] = useState<Scale>("fit");
  const clean = base64.replace(/\s+/g, "");
  if (!BASE64.test(clean)) {
    return <ErrorState title="Preview unreadable" message="Cloudflare sent a screenshot that is not a valid image." />;
  }
  // Zooming from "fit" starts at actual size.
  const index = scale === "fit" ? ACTUAL : scale;
  const zoom = ZOOMS[index] ?? 1;
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Zoom" className="flex items-center gap-1.5">
        <Button onClick={() => setScale(Math.max(0, index - 1))} disabled={scale !== "fit" && index === 0}>
          Zoom out
        </Button>
        <span role="status" className="w-16 text-center text-[12px] tabular-nums">
          {scale === "fit" ? "Fit width" : `${Math.round(zoom * 100)}%`}
        </span>
        <Button onClick={() => setScale(Math.min(ZOOMS.length - 1, index + 1))} disabled={scale !== "fit" && index === ZOOMS.length - 1}>
          Zoom in
        </Button>
        <Button variant="ghost" aria-pressed={scale === "fit"} onClick={() => setScale("fit")}>
          Fit width
        </Button>
        <Button variant="ghost" aria-pressed={scale === ACTUAL} onClick={() => setScale(ACTUAL)}>
          Actual size
        </Button>
      </div>
      {/* At actual size the image scrolls: the box takes focus so arrow keys can scroll it too. */}
      <div
        role="region"
        aria-label="Screenshot"
        tabIndex={0}
        className="max-h-[70vh] overflow-auto rounded border border-zinc-200 bg-zinc-100 p-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {/* A PNG rendered by Cloudflare from the mail: an image, never the mail's HTML. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
        <img
          src={`data:image/png;base64,${clean}`}
          alt="Screenshot of the message as Cloudflare rendered it"
          style={scale === "fit" ? { width: "100%", height: "auto" } : { zoom }}
          className={scale === "fit" ? "block" : "max-w-none origin-top-left"}
        />
      </div>
    </div>
  );
}

/** The rendered screenshot, or a way to have Cloudflare render one. */
export function PreviewTab({ id }: { id: string }) {
  const preview = usePreview(id);
  const generate = useGeneratePreview(id);
  const permission = usePermission("act");
  return (
    <QueryState query={preview} what="the preview">
      {(p) =>
        p ? (
          <Screenshot base64={p.screenshot} />
        ) : (
          <div className="flex flex-col items-start gap-2" aria-busy={generate.isPending || undefined}>
            <p>No preview exists for this message yet. Cloudflare can render one as an image (the mail is never opened here).</p>
            <div className="flex items-center gap-2">
              <Button
                variant="primary"
                onClick={() => generate.mutate()}
                disabled={generate.isPending || !permission.allowed}
                title={permission.reason}
              >
                Generate preview
              </Button>
              {generate.isPending ? (
                <span role="status" className="flex items-center gap-1.5 text-[12px] text-zinc-600">
                  <span aria-hidden="true" className="size-3 animate-spin rounded-full border-2 border-zinc-300 border-t-blue-700" />
                  Generating preview…
                </span>
              ) : null}
              {!permission.allowed ? <span className="text-[12px] text-zinc-600">{permission.reason}.</span> : null}
            </div>
            {generate.error ? (
              <ErrorState title="Could not generate a preview" message={generate.error.message} onRetry={() => generate.mutate()} retrying={generate.isPending} />
            ) : null}
          </div>
        )
      }
    </QueryState>
  );
}
