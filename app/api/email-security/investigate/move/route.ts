// POST /api/email-security/investigate/move — move several messages at once; the reply has one outcome per message.
// A move to Inbox is under the release policy (lib/approvals/release-policy.ts), like a release.
import { defineRoute } from "@/lib/api/route";
import { actUnderReleasePolicy } from "@/lib/approvals/return-route";
import { moveMessages } from "@/lib/cloudflare";
import { moveMessagesBodySchema } from "@/lib/schemas/bodies";

export const POST = defineRoute(
  // Only a move to Inbox is decided by reading the messages.
  { permission: "act", body: moveMessagesBodySchema, upstreamReads: ({ body }) => (body.destination === "Inbox" ? body.ids.length : 0) }, async ({ body, caller }) =>
  actUnderReleasePolicy(
    caller,
    { action: "MOVE", destination: body.destination },
    body.ids,
    { operation: "move_bulk" },
    (ids) => moveMessages({ ...body, ids }),
  ),
);
