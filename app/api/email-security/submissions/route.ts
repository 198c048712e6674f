// GET /api/email-security/submissions — team and user submissions (reclassification requests and user reports), filtered and paged by Cloudflare.
import { defineRoute, ok } from "@/lib/api/route";
import { listSubmissions } from "@/lib/cloudflare/submissions";
import { submissionListQuerySchema } from "@/lib/schemas/submissions";

export const GET = defineRoute({ permission: "read", query: submissionListQuerySchema }, async ({ query }) => {
  const page = await listSubmissions(query);
  return ok(page.result, { result_info: page.result_info, unreadable: page.unreadable });
});
