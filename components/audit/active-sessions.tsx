"use client";

import { Revealed } from "@/components/ui/revealed";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { cellClass, SimpleTable } from "@/components/ui/simple-table";
import { useActiveSessions, useEndUserSessions } from "@/lib/queries/sessions";
import { TimeText } from "@/components/ui/time-text";
import { revealHidden } from "@/lib/text/reveal";

const when = (iso: string) => <TimeText iso={iso} />;

/** Who is signed in now, and a way to end a user's sessions (a leaver, a lost laptop, a stolen cookie). */
export function ActiveSessions({ currentEmail }: { currentEmail: string }) {
  const sessions = useActiveSessions();
  const end = useEndUserSessions();
  const [target, setTarget] = useState<string | null>(null);
  const close = () => {
    setTarget(null);
    end.reset();
  };

  return (
    <section aria-labelledby="active-sessions" className="space-y-2">
      <h2 id="active-sessions" className="text-sm font-semibold">
        Active sessions
      </h2>
      {sessions.isError ? (
        <ErrorState title="Could not load the active sessions" message={sessions.error.message} onRetry={() => sessions.refetch()} retrying={sessions.isFetching} />
      ) : sessions.isPending ? (
        <p className="text-[12px] text-zinc-600">Loading…</p>
      ) : (
        <SimpleTable label="Active sessions" headers={["User", "Role at sign-in", "Sessions", "Signed in since", "Last seen", ""]}>
          {sessions.data.map((user) => (
            <tr key={user.email}>
              <td className={cellClass}>
                <Revealed text={user.email} />
              </td>
              <td className={cellClass}>{user.role}</td>
              <td className={cellClass}>{user.sessions}</td>
              <td className={cellClass}>{when(user.firstSignIn)}</td>
              <td className={cellClass}>{when(user.lastSeen)}</td>
              <td className={cellClass}>
                <Button variant="danger" aria-label={`End sessions of ${revealHidden(user.email)}`} onClick={() => setTarget(user.email)}>
                  End sessions
                </Button>
              </td>
            </tr>
          ))}
        </SimpleTable>
      )}
      {end.isSuccess && target === null ? (
        <p role="status" className="text-[12px] text-zinc-700">
          Ended {end.data.ended} session{end.data.ended === 1 ? "" : "s"} of <Revealed text={end.data.email} />.
        </p>
      ) : null}

      <Dialog
        open={target !== null}
        onClose={close}
        dismissible={!end.isPending}
        title="End this user's sessions?"
        footer={
          <>
            <Button onClick={close} disabled={end.isPending}>
              Keep them signed in
            </Button>
            <Button
              variant="danger"
              disabled={end.isPending}
              onClick={() => target && end.mutate(target, { onSuccess: () => setTarget(null) })}
            >
              {end.isPending ? "Ending…" : "End sessions"}
            </Button>
          </>
        }
      >
        <p>
          Every browser where{" "}
          <strong>
            <Revealed text={target} />
          </strong>{" "}
          is signed in is signed out on its next request
          {target === currentEmail ? ", this one included" : ""}. They can sign in again if their account still allows it.
        </p>
        {end.isError ? (
          <div className="mt-2">
            <ErrorState title="Could not end the sessions" message={end.error.message} />
          </div>
        ) : null}
      </Dialog>
    </section>
  );
}
