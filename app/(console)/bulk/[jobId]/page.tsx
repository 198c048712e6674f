import { notFound } from "next/navigation";
import { Suspense } from "react";
import { JobApprovalNote } from "@/components/approvals/job-approval-note";
import { BulkJobView } from "@/components/bulk/job/bulk-job-view";
import { JobProblem } from "@/components/bulk/job/job-problem";
import { maySeeApproval } from "@/lib/approvals/describe";
import { approvalForJob } from "@/lib/approvals/service";
import { getPageUser } from "@/lib/auth/session";
import { getBulkJob } from "@/lib/cloudflare";
import { spendPageRead } from "@/lib/api/user-budget";
import { AppError } from "@/lib/errors";
import { jobIdSchema } from "@/lib/schemas/ids";

export const metadata = { title: "Bulk job" };

// The id is checked with the API route's schema: a malformed one is answered here, without a
// request. Cloudflare is asked once so an unknown job answers a real 404; the client's first
// fetch right after is served from the console's short read cache.
export default async function BulkJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  let decoded: string;
  try {
    decoded = decodeURIComponent(jobId);
  } catch {
    decoded = jobId;
  }
  const parsed = jobIdSchema.safeParse(decoded);
  if (!parsed.success) {
    return (
      <JobProblem status={400} title="Invalid bulk job id">
        <span className="font-mono break-all">{decoded}</span> is not a bulk job id. Job ids are UUIDs, like 4b9a0c1e-2f3d-4e5f-8a7b-9c0d1e2f3a4b.
      </JobProblem>
    );
  }
  const id = parsed.data.toLowerCase();
  try {
    await spendPageRead();
    await getBulkJob(id);
  } catch (error) {
    if (AppError.is(error) && error.status === 404) notFound();
  }
  // A job a second admin approved names both people (the console's record; Cloudflare has neither),
  // to those the approvals API shows them to: admins, and the requester.
  const [found, user] = await Promise.all([approvalForJob(id), getPageUser()]);
  const approval = found && maySeeApproval(user, found) ? found : undefined;
  return (
    <Suspense>
      {approval ? <JobApprovalNote approval={approval} /> : null}
      <BulkJobView jobId={id} />
    </Suspense>
  );
}
