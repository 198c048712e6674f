// GET /api/email-security/investigate/bulk/{job_id}/messages — what a bulk job did to each message.
import { defineRoute, ok } from "@/lib/api/route";
import { listBulkJobMessages } from "@/lib/cloudflare";
import { listBulkJobMessagesQuerySchema } from "@/lib/schemas/bodies";
import { jobParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute(
  { permission: "read", params: jobParamsSchema, query: listBulkJobMessagesQuerySchema },
  async ({ params, query }) => {
    const page = await listBulkJobMessages(params.jobId, query);
    return ok(page.result, { result_info: page.result_info, unreadable: page.unreadable });
  },
);
