// GET /api/approvals/{id} — one request: exactly what would run, why it waits, the sample, who decided.
// Admins read any; an analyst reads the requests they made (to follow them), no one else's.
import { defineRoute, ok } from "@/lib/api/route";
import { maySeeApproval } from "@/lib/approvals/describe";
import { getApprovalRequest } from "@/lib/approvals/service";
import { approvalParamsSchema } from "@/lib/approvals/types";
import { AppError } from "@/lib/errors";

export const GET = defineRoute({ permission: "act", params: approvalParamsSchema }, async ({ params, caller }) => {
  const request = await getApprovalRequest(params.id);
  if (!maySeeApproval(caller, request)) throw new AppError("forbidden", "This needs the admin role, or to be the person who made the request.");
  return ok(request);
});
