// POST /api/email-security/investigate/{id}/move — move one message to a mailbox folder (never retried).
import { defineRoute, ok } from "@/lib/api/route";
import { moveMessage } from "@/lib/cloudflare";
import { moveMessageBodySchema } from "@/lib/schemas/bodies";
import { messageParamsSchema } from "@/lib/schemas/params";

export const POST = defineRoute(
  {
    permission: "act",
    params: messageParamsSchema,
    body: moveMessageBodySchema,
    audit: ({ params, body }) => ({ operation: "move", messageIds: [params.id], destination: body.destination, params: body }),
  },
  async ({ params, body }) => ok(await moveMessage(params.id, body)),
);
