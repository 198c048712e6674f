// GET /api/approvals — bulk jobs waiting for (or decided by) a second admin, newest first.
import { defineRoute, ok } from "@/lib/api/route";
import { listApprovalRequests } from "@/lib/approvals/service";
import { listApprovalsQuerySchema } from "@/lib/approvals/types";

export const GET = defineRoute({ permission: "admin", query: listApprovalsQuerySchema }, async ({ query }) => ok(await listApprovalRequests(query)));
