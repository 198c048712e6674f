"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { revealHidden } from "@/lib/messages/display-text";
import { formatLocalDateTime, formatUtc } from "@/lib/messages/format";
import { lastListHref } from "@/lib/messages/list-memory";
import { authSummary, dispositionTone, receivedAt, recipientsOf, senderAddress } from "@/lib/messages/message-view";
import { ApiError } from "@/lib/queries/http";
import { useMessage } from "@/lib/queries/messages";

export function MessageSummary({ id }: { id: string }) {
  const message = useMessage(id);
  const [backHref, setBackHref] = useState("/messages");
  // Session storage exists only in the browser; read it after hydration.
  useEffect(() => setBackHref(lastListHref()), []);

  const m = message.data;
  const received = m ? receivedAt(m) : null;
  return (
    <div className="flex max-w-4xl flex-col gap-3">
      <Link href={backHref} className="text-[12px] text-blue-800 underline">
        ← Back to results
      </Link>
      {message.isPending ? (
        <div aria-busy="true" className="flex flex-col gap-2">
          <div className="h-5 w-2/3 animate-pulse rounded bg-zinc-200" />
          <div className="h-4 w-1/3 animate-pulse rounded bg-zinc-200" />
        </div>
      ) : message.isError ? (
        <ErrorState
          title={message.error instanceof ApiError && message.error.status === 404 ? "Message not found" : "Could not load this message"}
          message={message.error.message}
          onRetry={() => void message.refetch()}
          retrying={message.isFetching}
        />
      ) : m ? (
        <article className="flex flex-col gap-2 rounded border border-zinc-200 bg-white p-4">
          <h1 className="text-base font-semibold break-words">{m.subject ? revealHidden(m.subject) : "(no subject)"}</h1>
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-[12px]">
            <dt className="text-zinc-500">From</dt>
            <dd className="break-words">
              {m.from_name ? <span className="font-medium">{revealHidden(m.from_name)} </span> : null}
              <span className="text-zinc-700">{senderAddress(m) ?? m.from ?? "—"}</span>
            </dd>
            <dt className="text-zinc-500">To</dt>
            <dd className="break-words">{recipientsOf(m).join(", ") || "—"}</dd>
            <dt className="text-zinc-500">Received</dt>
            <dd>{received ? <time dateTime={received} title={formatUtc(received)}>{formatLocalDateTime(received)}</time> : "—"}</dd>
            <dt className="text-zinc-500">Disposition</dt>
            <dd>{m.final_disposition ? <Badge tone={dispositionTone(m.final_disposition)}>{m.final_disposition}</Badge> : "—"}</dd>
            <dt className="text-zinc-500">Delivery</dt>
            <dd>{(m.delivery_status ?? []).join(", ") || "—"}</dd>
            <dt className="text-zinc-500">Authentication</dt>
            <dd>{authSummary(m.validation).text}</dd>
          </dl>
        </article>
      ) : null}
    </div>
  );
}
