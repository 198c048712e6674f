"use client";

import { Revealed } from "@/components/ui/revealed";
import Link from "next/link";
import { useMessageSubmissions } from "@/lib/queries/submissions";

/** On the message page: the submissions made about this message (e.g. after a reclassify), each linking to the queue. */
export function MessageSubmissions({ messageId, postfixId, since }: { messageId: string; postfixId: string | null | undefined; since: string | null | undefined }) {
  const submissions = useMessageSubmissions(messageId, postfixId, since);
  const rows = submissions.data ?? [];
  if (rows.length === 0) return null;
  return (
    <section aria-label="Submissions" className="flex flex-wrap items-center gap-2 text-[12px]">
      <span className="text-zinc-600">Submissions:</span>
      {rows.map((s) => (
        <Link key={s.submission_id} href={`/submissions?submission_id=${encodeURIComponent(s.submission_id)}`} className="text-blue-800 underline">
          <Revealed text={`${s.type ?? "Submission"} submission as ${s.requested_disposition ?? "?"} (${s.customer_status ?? "review status unknown"})`} />
        </Link>
      ))}
    </section>
  );
}
