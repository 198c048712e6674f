// GET /api/audit/messages/{id} — what people in the team did to one message, for its Action log tab.
import { defineRoute, ok } from "@/lib/api/route";
import { listMessageAudit } from "@/lib/audit/message-view";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params, caller }) => {
  // The caller's view (lib/audit/message-view.ts), the same one their evidence pack carries.
  const { entries } = await listMessageAudit(params.id, caller.role, 200);
  return ok(entries);
});
