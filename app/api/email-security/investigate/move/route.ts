// POST /api/email-security/investigate/move — move several messages at once; the reply has one outcome per message.
import { defineRoute, ok } from "@/lib/api/route";
import { moveMessages } from "@/lib/cloudflare";
import { moveMessagesBodySchema } from "@/lib/schemas/bodies";

export const POST = defineRoute({
    permission: "act",
    body: moveMessagesBodySchema,
    audit: ({ body }) => ({ operation: "move_bulk", messageIds: body.ids, destination: body.destination }),
  }, async ({ body }) =>
  ok(await moveMessages(body)),
);
