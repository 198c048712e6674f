// GET, DELETE /api/email-security/investigate/bulk/{job_id} — one bulk job; delete a finished one.
import { defineRoute, ok } from "@/lib/api/route";
import { deleteBulkJob, getBulkJob } from "@/lib/cloudflare";
import { jobParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: jobParamsSchema }, async ({ params }) =>
  ok(await getBulkJob(params.jobId)),
);

export const DELETE = defineRoute({
    permission: "admin",
    params: jobParamsSchema,
    audit: ({ params }) => ({ operation: "bulk_job_delete", jobId: params.jobId }),
  }, async ({ params }) =>
  ok(await deleteBulkJob(params.jobId)),
);
