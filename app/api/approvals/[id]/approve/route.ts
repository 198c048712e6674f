// POST /api/approvals/{id}/approve — a second admin (never the requester) approves; the job is created once.
import { defineRoute, ok } from "@/lib/api/route";
import { approveRequest } from "@/lib/approvals/service";
import { approvalDecisionBodySchema, approvalParamsSchema } from "@/lib/approvals/types";

export const POST = defineRoute(
  {
    permission: "admin",
    params: approvalParamsSchema,
    body: approvalDecisionBodySchema,
    audit: ({ params, body }) => ({ operation: "bulk_approval_approve", params: { request_id: params.id, reason: body.reason } }),
  },
  async ({ params, body, caller }) => ok(await approveRequest(params.id, caller, body.reason)),
);
