// GET /api/approvals/{id} — one request: the exact job, why it waits, the dry run, who decided.
import { defineRoute, ok } from "@/lib/api/route";
import { getApprovalRequest } from "@/lib/approvals/service";
import { approvalParamsSchema } from "@/lib/approvals/types";

export const GET = defineRoute({ permission: "admin", params: approvalParamsSchema }, async ({ params }) => ok(await getApprovalRequest(params.id)));
