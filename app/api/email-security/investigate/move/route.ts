// POST /api/email-security/investigate/move — move several messages at once; the reply has one outcome per message.
// A move to Inbox is under the release policy (lib/approvals/release-policy.ts), like a release.
import { defineRoute } from "@/lib/api/route";
import { actUnderReleasePolicy } from "@/lib/approvals/return-route";
import { moveMessages } from "@/lib/cloudflare";
import { moveMessagesBodySchema } from "@/lib/schemas/bodies";

export const POST = defineRoute({ permission: "act", body: moveMessagesBodySchema }, async ({ body, caller }) =>
  actUnderReleasePolicy(
    caller,
    { action: "MOVE", destination: body.destination },
    body.ids,
    { operation: "move_bulk" },
    (ids) => moveMessages({ ...body, ids }),
  ),
);
