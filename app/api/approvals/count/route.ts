// GET /api/approvals/count — how many requests wait for a second admin (the navigation's badge).
import { defineRoute, ok } from "@/lib/api/route";
import { countPendingApprovals } from "@/lib/approvals/service";

export const GET = defineRoute({ permission: "admin" }, async () => ok({ pending: await countPendingApprovals() }));
