import { Suspense } from "react";
import { PendingApprovals } from "@/components/approvals/pending-approvals";
import { BulkDashboard } from "@/components/bulk/bulk-dashboard";

export const metadata = { title: "Bulk jobs" };

// The filters and page live in the URL; the client component parses them with the API route's
// own query schema and reports a bad value next to its control, so nothing is thrown here.
export default async function BulkJobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await searchParams;
  return (
    <Suspense>
      <PendingApprovals />
      <BulkDashboard />
    </Suspense>
  );
}
