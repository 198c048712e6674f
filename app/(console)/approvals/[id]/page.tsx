import { ApprovalRequestView } from "@/components/approvals/approval-request-view";
import { approvalIdSchema } from "@/lib/approvals/types";
import { getPageUser } from "@/lib/auth/session";
import { can, missingRoleReason } from "@/lib/auth/roles";

export const metadata = { title: "Approval request" };

// A change waiting for a second admin. The id is checked with the API's schema; the request
// itself is read by the client (admins, and the analyst who asked, as the API enforces).
export default async function ApprovalRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getPageUser();
  if (!can(user?.role, "act")) {
    return <p role="alert">{missingRoleReason("admin")} to see approval requests.</p>;
  }
  const parsed = approvalIdSchema.safeParse(id);
  if (!parsed.success) {
    return (
      <p role="alert">
        <span className="font-mono break-all">{id.slice(0, 100)}</span> is not an approval request id.
      </p>
    );
  }
  return <ApprovalRequestView id={parsed.data.toLowerCase()} />;
}
