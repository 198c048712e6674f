"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useMessageSubmissions } from "@/lib/queries/submissions";

/**
 * On the message page: the submissions made about this message (e.g. after a reclassify), each
 * linking to the queue. Looked up on request (or after a reclassify), not on every open.
 */
export function MessageSubmissions({ messageId, postfixId, since }: { messageId: string; postfixId: string | null | undefined; since: string | null | undefined }) {
  const { submissions, ask, wanted } = useMessageSubmissions(messageId, postfixId, since);
  if (!ask) return null;
  const rows = submissions.data ?? [];
  return (
    <section aria-label="Submissions" className="flex flex-wrap items-center gap-2 text-[12px]">
      <span className="text-zinc-600">Submissions:</span>
      {!wanted ? (
        <Button variant="ghost" className="h-6" onClick={ask}>
          Look up submissions
        </Button>
      ) : submissions.isPending ? (
        <span role="status" className="text-zinc-600">Looking up…</span>
      ) : submissions.isError ? (
        <span role="alert" className="text-red-800">
          Could not look up submissions: {submissions.error.message}{" "}
          <Button variant="ghost" className="h-6" onClick={() => void submissions.refetch()}>
            Retry
          </Button>
        </span>
      ) : rows.length === 0 ? (
        <span className="text-zinc-600">none for this message</span>
      ) : (
        rows.map((s) => (
          <Link key={s.submission_id} href={`/submissions?submission_id=${encodeURIComponent(s.submission_id)}`} className="text-blue-800 underline">
            <Revealed text={`${s.type ?? "Submission"} submission as ${s.requested_disposition ?? "?"} (${s.customer_status ?? "review status unknown"})`} />
          </Link>
        ))
      )}
    </section>
  );
}
