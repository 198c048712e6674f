import Link from "next/link";
import type { ApprovalRequest } from "@/lib/approvals/types";

/** The bulk form's answer when the server made the job a request for a second admin. */
export function SentForApproval({ request }: { request: ApprovalRequest }) {
  return (
    <div role="status" className="flex flex-col gap-1 rounded border border-blue-300 bg-blue-50 px-3 py-2 text-blue-950">
      <p className="font-semibold">Sent for approval</p>
      <p>This job needs a second admin before it runs:</p>
      <ul className="list-disc pl-5">
        {request.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>
        <Link href={`/approvals/${encodeURIComponent(request.id)}`} className="text-blue-800 underline">
          Open the approval request
        </Link>{" "}
        — another admin approves or rejects it there within 24 hours.
      </p>
    </div>
  );
}
