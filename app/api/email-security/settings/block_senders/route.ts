// GET, POST /api/email-security/settings/block_senders — list blocked-sender patterns; block a sender (analysts).
import { defineRoute, ok } from "@/lib/api/route";
import { createBlockedSender, listBlockedSenders } from "@/lib/cloudflare/policies";
import { messageIdFromComment } from "@/lib/policies/comment";
import { createBlockedSenderBodySchema, policyListQuerySchema } from "@/lib/schemas/policies";

export const GET = defineRoute({ permission: "read", query: policyListQuerySchema }, async ({ query }) => {
  const page = await listBlockedSenders(query);
  return ok(page.result, { result_info: page.result_info, unreadable: page.unreadable });
});

export const POST = defineRoute(
  {
    permission: "act",
    body: createBlockedSenderBodySchema,
    audit: ({ body }) => {
      const origin = messageIdFromComment(body.comments);
      return { operation: "block_sender_create", messageIds: origin ? [origin] : [], params: body };
    },
  },
  async ({ body }) => ({ ...ok(await createBlockedSender(body)), status: 201 }),
);
