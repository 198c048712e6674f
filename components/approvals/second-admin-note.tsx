import Link from "next/link";
import { approvalHref } from "@/lib/approvals/describe";

/** Said in a release or move-to-Inbox dialog before the click, when the release policy will hold messages. */
export function SecondAdminNote({ text }: { text: string }) {
  if (!text) return null;
  return (
    <p role="note" aria-label="Needs a second admin" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950">
      {text}
    </p>
  );
}

/** After the click: where the request for the held messages is (the requester may follow it there). */
export function ApprovalRequestLink({ id }: { id: string }) {
  return (
    <Link href={approvalHref(id)} className="text-blue-800 underline">
      Open the approval request
    </Link>
  );
}
