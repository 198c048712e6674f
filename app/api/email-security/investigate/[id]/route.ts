// GET /api/email-security/investigate/{id} — one message's details.
import { defineRoute, ok } from "@/lib/api/route";
import { getMessage } from "@/lib/cloudflare";
import { getMessageQuerySchema } from "@/lib/schemas/bodies";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute(
  { permission: "read", params: messageParamsSchema, query: getMessageQuerySchema },
  async ({ params, query }) => ok(await getMessage(params.id, query)),
);
