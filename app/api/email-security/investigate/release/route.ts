// POST /api/email-security/investigate/release — release quarantined messages to their recipients.
// Under the release policy (lib/approvals/release-policy.ts): messages classified MALICIOUS or
// MALICIOUS-BEC, and any past the caller's hourly allowance, become a request for a second admin.
// Deciding reads each message (from the cache when it can), so the reads are paid up front.
import { defineRoute } from "@/lib/api/route";
import { actUnderReleasePolicy } from "@/lib/approvals/return-route";
import { releaseMessages } from "@/lib/cloudflare";
import { releaseMessagesBodySchema } from "@/lib/schemas/bodies";

export const POST = defineRoute({ permission: "act", body: releaseMessagesBodySchema, upstreamReads: ({ body }) => body.ids.length }, async ({ body, caller }) =>
  actUnderReleasePolicy(caller, { action: "RELEASE" }, body.ids, { operation: "release" }, (ids) => releaseMessages({ ids })),
);
