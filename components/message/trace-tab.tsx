"use client";

import { Revealed } from "@/components/ui/revealed";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import type { Trace } from "@/lib/cloudflare/types";
import { TimeText } from "@/components/ui/time-text";
import { useTrace } from "@/lib/queries/message";
import { QueryState } from "./query-state";

type Lines = NonNullable<NonNullable<Trace["inbound"]>["lines"]>;

/** A direction with nothing in it and nothing to come: one line, not half the width. */
function EmptyTimeline({ title }: { title: string }) {
  return (
    <section aria-label={title}>
      <h2 className="text-[12px] font-semibold text-zinc-500">
        <span className="uppercase">{title}</span>
        <span className="font-normal">: no lines</span>
      </h2>
    </section>
  );
}

function Timeline({ title, lines, pending }: { title: string; lines: Lines; pending: boolean }) {
  // Ordered by line number, then time: the endpoint's order is not a promise.
  const ordered = [...lines].sort((a, b) => (a.lineno ?? 0) - (b.lineno ?? 0) || (a.logged_at ?? "").localeCompare(b.logged_at ?? ""));
  return (
    <section aria-label={title} className="flex min-w-0 flex-1 flex-col gap-1">
      <h2 className="text-[12px] font-semibold text-zinc-500 uppercase">
        {title} <span className="font-normal normal-case">({ordered.length} {ordered.length === 1 ? "line" : "lines"})</span>
      </h2>
      {pending ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-[12px] text-amber-950">
          Pending: Email Security is still processing this message; more lines will appear.
        </p>
      ) : null}
      {ordered.length === 0 ? (
        <p className="text-zinc-600">{pending ? "No lines yet." : "No lines."}</p>
      ) : (
        <ol className="flex flex-col border-l-2 border-zinc-200">
          {ordered.map((line, i) => (
            <li key={`${line.lineno ?? i}-${i}`} className="relative py-1 pl-3">
              <span aria-hidden="true" className="absolute top-2.5 -left-[5px] size-2 rounded-full bg-zinc-400" />
              {line.logged_at ? (
                <TimeText iso={line.logged_at} className="block text-[11px] text-zinc-500 tabular-nums" />
              ) : (
                <span className="block text-[11px] text-zinc-400">no time</span>
              )}
              <span className="block font-mono text-[12px] break-all whitespace-pre-wrap text-zinc-800">
                <Revealed text={line.message} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The MX conversation (inbound) and the hand-off and later remediations (outbound), side by side;
 * a direction with no lines (and none pending) collapses to one line so the other gets the width.
 */
export function TraceTab({ id }: { id: string }) {
  const trace = useTrace(id);
  return (
    <QueryState query={trace} what="the trace">
      {(t) => {
        const directions = [
          { title: "Inbound", lines: t.inbound?.lines ?? [], pending: t.inbound?.pending === true },
          { title: "Outbound", lines: t.outbound?.lines ?? [], pending: t.outbound?.pending === true },
        ];
        const isEmpty = (d: (typeof directions)[number]) => d.lines.length === 0 && !d.pending;
        return (
          <div className="flex flex-col gap-2">
            <UnreadableNote count={t.unreadable} />
            {directions.filter(isEmpty).map((d) => (
              <EmptyTimeline key={d.title} title={d.title} />
            ))}
            <div className="flex flex-col gap-4 lg:flex-row">
              {directions
                .filter((d) => !isEmpty(d))
                .map((d) => (
                  <Timeline key={d.title} title={d.title} lines={d.lines} pending={d.pending} />
                ))}
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
