// GET, POST /api/email-security/investigate/bulk — list bulk jobs; start one that moves or releases every message a search matches.
import { defineRoute, ok } from "@/lib/api/route";
import { createBulkJob, listBulkJobs } from "@/lib/cloudflare";
import { createBulkJobBodySchema, listBulkJobsQuerySchema } from "@/lib/schemas/bodies";

export const GET = defineRoute({ permission: "read", query: listBulkJobsQuerySchema }, async ({ query }) => {
  const page = await listBulkJobs(query);
  return ok(page.result, { result_info: page.result_info, unreadable: page.unreadable });
});

export const POST = defineRoute({
    permission: "admin",
    body: createBulkJobBodySchema,
    audit: ({ body }) => ({ operation: "bulk_job_create", destination: body.destination, params: body }),
  }, async ({ body }) => ({
  ...ok(await createBulkJob(body)),
  status: 201,
}));
