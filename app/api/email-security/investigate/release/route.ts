// POST /api/email-security/investigate/release — release quarantined messages to their recipients.
import { defineRoute, ok } from "@/lib/api/route";
import { releaseMessages } from "@/lib/cloudflare";
import { releaseMessagesBodySchema } from "@/lib/schemas/bodies";

export const POST = defineRoute({
    permission: "act",
    body: releaseMessagesBodySchema,
    audit: ({ body }) => ({ operation: "release", messageIds: body.ids }),
  }, async ({ body }) =>
  ok(await releaseMessages(body)),
);
