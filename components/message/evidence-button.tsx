"use client";

import { useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import { downloadFile } from "@/lib/browser/download";
import { ApiError } from "@/lib/queries/http";

type State = { kind: "idle" } | { kind: "working" } | { kind: "done"; name: string } | { kind: "failed"; message: string };

const FALLBACK_NAME = "evidence.zip";

function fileNameFrom(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? "")?.[1] ?? FALLBACK_NAME;
}

/**
 * "Download evidence": one .zip of the message with a hashed manifest. Fetched rather than linked,
 * so a refusal (too large, no role) is shown here in words instead of as a JSON page.
 */
export function EvidenceButton({ messageId }: { messageId: string }) {
  const permission = usePermission("act");
  const [state, setState] = useState<State>({ kind: "idle" });

  const download = async () => {
    setState({ kind: "working" });
    try {
      const response = await fetch(`/api/email-security/investigate/${encodeURIComponent(messageId)}/evidence`, { credentials: "same-origin" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new ApiError(response.status, "error", body?.error?.message ?? `Request failed (${response.status})`);
      }
      const name = fileNameFrom(response.headers.get("content-disposition"));
      downloadFile([await response.blob()], name, "application/zip");
      setState({ kind: "done", name });
    } catch (err) {
      setState({ kind: "failed", message: err instanceof Error ? err.message : "The evidence pack could not be downloaded." });
    }
  };

  return (
    <span className="flex items-center gap-2">
      <Button onClick={() => void download()} disabled={!permission.allowed || state.kind === "working"} title={permission.reason}>
        {state.kind === "working" ? "Preparing evidence…" : "Download evidence"}
      </Button>
      {state.kind === "done" ? (
        <span role="status" className="text-[12px] text-zinc-600">
          Saved {state.name}
        </span>
      ) : state.kind === "failed" ? (
        <span role="alert" className="text-[12px] text-red-800">
          Evidence pack failed: {state.message}
        </span>
      ) : null}
    </span>
  );
}
