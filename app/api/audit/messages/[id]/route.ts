// GET /api/audit/messages/{id} — what people in the team did to one message, for its Action log tab.
import { defineRoute, ok } from "@/lib/api/route";
import { getAuditStore } from "@/lib/audit/store";
import { AUDIT_CHANGE_OPERATIONS } from "@/lib/audit/types";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params, caller }) => {
  // What was done to the message; who read its raw source is for the audit page, not its Action log.
  const records = await (await getAuditStore()).list({ messageId: params.id, operations: AUDIT_CHANGE_OPERATIONS, limit: 200 });
  // Where someone worked from is for admins; everyone who can read the message may see who acted.
  return ok(caller.role === "admin" ? records : records.map(({ ip: _ip, user_agent: _ua, ...rest }) => rest));
});
