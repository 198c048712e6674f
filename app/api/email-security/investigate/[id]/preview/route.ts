// GET /api/email-security/investigate/{id}/preview — the rendered screenshot of the message, if one exists.
import { defineRoute, ok } from "@/lib/api/route";
import { getPreview } from "@/lib/cloudflare";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params }) =>
  ok(await getPreview(params.id)),
);
