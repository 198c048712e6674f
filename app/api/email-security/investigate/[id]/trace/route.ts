// GET /api/email-security/investigate/{id}/trace — the message's inbound and outbound delivery log lines.
import { defineRoute, ok } from "@/lib/api/route";
import { getTrace } from "@/lib/cloudflare";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params }) =>
  ok(await getTrace(params.id)),
);
