// POST /api/email-security/investigate/bulk/{job_id}/cancel — stop a running bulk job.
import { defineRoute, ok } from "@/lib/api/route";
import { cancelBulkJob } from "@/lib/cloudflare";
import { jobParamsSchema } from "@/lib/schemas/params";

export const POST = defineRoute({
    permission: "admin",
    params: jobParamsSchema,
    audit: ({ params }) => ({ operation: "bulk_job_cancel", jobId: params.jobId }),
  }, async ({ params }) =>
  ok(await cancelBulkJob(params.jobId)),
);
