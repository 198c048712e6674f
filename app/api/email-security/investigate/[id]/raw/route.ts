// GET /api/email-security/investigate/{id}/raw — the message as an .eml.
import { defineRoute, ok } from "@/lib/api/route";
import { getRaw } from "@/lib/cloudflare";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params }) =>
  ok(await getRaw(params.id)),
);
