"use client";

import { Revealed } from "@/components/ui/revealed";
import { AuditOutcomeBadge } from "@/components/audit/outcome-badge";
import { SimpleTable, cellClass } from "@/components/ui/simple-table";
import { Badge } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { UnreadableNote } from "@/components/ui/unreadable-note";
import { actionTime, describeAuditOperation, describeOperation, sortActionLog, sortAuditEvents } from "@/lib/messages/action-log";
import { TimeText } from "@/components/ui/time-text";
import { useActionLog, useConsoleAudit } from "@/lib/queries/message";
import { QueryState } from "./query-state";

const td = cellClass;

function When({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>—</>;
  return (
    <TimeText iso={iso} />
  );
}


function ConsoleActions({ id }: { id: string }) {
  const audit = useConsoleAudit(id);
  // Route not deployed (404) or not visible to this role (403): the section is left out.
  if (audit.data === null) return null;
  if (audit.isError) {
    return (
      <ErrorState title="Could not load the console's records" message={audit.error.message} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
    );
  }
  if (audit.isPending) return <p className="text-zinc-600">Loading the console&apos;s records…</p>;
  const events = sortAuditEvents(audit.data);
  return (
    <section aria-labelledby="console-actions" className="flex flex-col gap-1">
      <h2 id="console-actions" className="text-[12px] font-semibold text-zinc-500 uppercase">
        Console actions (who in the team did it)
      </h2>
      {events.length === 0 ? (
        <p className="text-zinc-600">No one has acted on this message through the console.</p>
      ) : (
        <SimpleTable label="Console actions" headers={["Who", "Operation", "Started", "Outcome", "Destination"]}>
            {events.map((e) => (
              <tr key={e.id}>
                <td className={td}>
                  <Revealed text={e.email} /> <span className="text-zinc-500">({e.role})</span>
                </td>
                <td className={td}>{describeAuditOperation(e)}</td>
                <td className={td}>
                  <When iso={e.started_at} />
                </td>
                <td className={td}>
                  <AuditOutcomeBadge outcome={e.outcome} />
                </td>
                <td className={td}>
                  <Revealed text={e.destination} fallback="—" />
                </td>
              </tr>
            ))}
          </SimpleTable>
      )}
    </section>
  );
}

/** Cloudflare's record of what was done to the message, then the console's own. */
export function ActionLogTab({ id }: { id: string }) {
  const log = useActionLog(id);
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="cloudflare-actions" className="flex flex-col gap-1">
        <h2 id="cloudflare-actions" className="text-[12px] font-semibold text-zinc-500 uppercase">
          Cloudflare action log (newest first)
        </h2>
        <QueryState query={log} what="the action log">
          {({ entries, unreadable }) => (
            <>
              <UnreadableNote count={unreadable} />
              {entries.length === 0 ? (
                unreadable ? null : <p className="text-zinc-600">Nothing has been done to this message since it was delivered.</p>
              ) : (
                <SimpleTable label="Action log" headers={["Operation", "Time", "Status", "Destination", "Requested by"]}>
                  {sortActionLog(entries).map((e, i) => (
                    <tr key={`${actionTime(e) ?? "pending"}-${i}`}>
                      <td className={td}>
                        <Revealed text={describeOperation(e.operation)} />{" "}
                        {/* An operation the console does not know is shown as Cloudflare named it. */}
                        {describeOperation(e.operation) === e.operation ? (
                          <Badge tone="neutral">
                            <Revealed text={e.operation} />
                          </Badge>
                        ) : (
                          <span className="font-mono text-[11px] text-zinc-500">
                            <Revealed text={e.operation} />
                          </span>
                        )}
                      </td>
                      <td className={td}>
                        {e.completed_at ? (
                          <When iso={e.completed_at} />
                        ) : e.started_at ? (
                          <>
                            started <When iso={e.started_at} />, not completed
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className={td}>
                        <Revealed text={e.status} fallback="—" />
                      </td>
                      <td className={td}>
                        <Revealed text={e.properties?.folder} fallback="—" />
                      </td>
                      <td className={td}>
                        <Revealed text={e.properties?.requested_by} fallback="—" />
                      </td>
                    </tr>
                  ))}
                </SimpleTable>
              )}
            </>
          )}
        </QueryState>
      </section>
      <ConsoleActions id={id} />
    </div>
  );
}
