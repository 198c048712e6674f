// GET, POST /api/email-security/settings/allow_policies — list allow policies; create one (admins: an allow rule weakens protection).
import { defineRoute, ok } from "@/lib/api/route";
import { createAllowPolicy, listAllowPolicies } from "@/lib/cloudflare/policies";
import { messageIdFromComment } from "@/lib/policies/comment";
import { createAllowPolicyBodySchema, policyListQuerySchema } from "@/lib/schemas/policies";

export const GET = defineRoute({ permission: "read", query: policyListQuerySchema }, async ({ query }) => {
  const page = await listAllowPolicies(query);
  return ok(page.result, { result_info: page.result_info, unreadable: page.unreadable });
});

export const POST = defineRoute(
  {
    permission: "admin",
    body: createAllowPolicyBodySchema,
    audit: ({ body }) => {
      const origin = messageIdFromComment(body.comments);
      return { operation: "allow_policy_create", messageIds: origin ? [origin] : [], params: body };
    },
  },
  async ({ body }) => ({ ...ok(await createAllowPolicy(body)), status: 201 }),
);
