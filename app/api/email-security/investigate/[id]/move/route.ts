// POST /api/email-security/investigate/{id}/move — move one message to a mailbox folder (never retried).
// A move to Inbox is under the release policy (lib/approvals/release-policy.ts), like a release.
import { defineRoute } from "@/lib/api/route";
import { actUnderReleasePolicy } from "@/lib/approvals/return-route";
import { moveMessage } from "@/lib/cloudflare";
import { moveMessageBodySchema } from "@/lib/schemas/bodies";
import { messageParamsSchema } from "@/lib/schemas/params";

export const POST = defineRoute({ permission: "act", params: messageParamsSchema, body: moveMessageBodySchema }, async ({ params, body, caller }) =>
  actUnderReleasePolicy(caller, { action: "MOVE", destination: body.destination }, [params.id], { operation: "move", params: body }, () =>
    moveMessage(params.id, body),
  ),
);
