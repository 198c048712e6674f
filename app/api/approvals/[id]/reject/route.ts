// POST /api/approvals/{id}/reject — a second admin (never the requester) turns the job down, with a reason.
import { defineRoute, ok } from "@/lib/api/route";
import { rejectRequest } from "@/lib/approvals/service";
import { approvalDecisionBodySchema, approvalParamsSchema } from "@/lib/approvals/types";

export const POST = defineRoute(
  {
    permission: "admin",
    params: approvalParamsSchema,
    body: approvalDecisionBodySchema,
    audit: ({ params, body }) => ({ operation: "bulk_approval_reject", params: { request_id: params.id, reason: body.reason } }),
  },
  async ({ params, body, caller }) => ok(await rejectRequest(params.id, caller.email, body.reason)),
);
