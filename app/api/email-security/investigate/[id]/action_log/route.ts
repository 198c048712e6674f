// GET /api/email-security/investigate/{id}/action_log — what was done to the message, from Cloudflare's own action-log endpoint.
import { defineRoute, ok } from "@/lib/api/route";
import { getActionLog } from "@/lib/cloudflare";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params }) => {
  const log = await getActionLog(params.id);
  return ok(log.result, { unreadable: log.unreadable });
});
