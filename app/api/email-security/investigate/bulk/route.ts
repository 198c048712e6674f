// GET, POST /api/email-security/investigate/bulk — list bulk jobs; start one that moves or releases every message a search matches.
// A risky job (see lib/approvals/rules.ts) is not started: it becomes a request for a second admin (202).
import { auditedCall } from "@/lib/api/audit";
import { defineRoute, ok } from "@/lib/api/route";
import { scanReads } from "@/lib/approvals/scan";
import { createApprovalRequest, judgeBulkJob } from "@/lib/approvals/service";
import { createBulkJob, listBulkJobs } from "@/lib/cloudflare";
import { getEnv } from "@/lib/env";
import { createBulkJobBodySchema, listBulkJobsQuerySchema } from "@/lib/schemas/bodies";

export const GET = defineRoute({ permission: "read", query: listBulkJobsQuerySchema }, async ({ query }) => {
  const page = await listBulkJobs(query);
  return ok(page.result, { result_info: page.result_info, unreadable: page.unreadable });
});

// The approval rule pages the search first (up to BULK_APPROVAL_THRESHOLD): charged up front.
const approvalScanReads = () => scanReads(getEnv().limits.bulkApprovalThreshold);

export const POST = defineRoute({ permission: "admin", body: createBulkJobBodySchema, upstreamReads: approvalScanReads }, async ({ body, caller }) => {
  const who = { email: caller.email, role: caller.role, ip: caller.ip, userAgent: caller.userAgent };
  const verdict = await judgeBulkJob(body, caller.email);
  if (verdict.reasons.length === 0) {
    return auditedCall({ ...who, operation: "bulk_job_create", destination: body.destination, params: body }, async () => ({
      ...ok(await createBulkJob(body)),
      status: 201,
    }));
  }
  return auditedCall(
    { ...who, operation: "bulk_approval_request", destination: body.destination, params: { ...body, reasons: verdict.reasons } },
    async () => ({ ...ok({ approval: await createApprovalRequest(body, caller.email, verdict) }), status: 202 }),
  );
});
