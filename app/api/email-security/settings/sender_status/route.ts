// GET /api/email-security/settings/sender_status?sender= — the blocks and allow policies that already cover a sender, for the message page.
import { defineRoute, ok } from "@/lib/api/route";
import { getSenderStatus } from "@/lib/cloudflare/policies";
import { senderStatusQuerySchema } from "@/lib/schemas/policies";

export const GET = defineRoute({ permission: "read", query: senderStatusQuerySchema }, async ({ query }) =>
  ok(await getSenderStatus(query.sender)),
);
