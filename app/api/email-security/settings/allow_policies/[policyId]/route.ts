// PATCH, DELETE /api/email-security/settings/allow_policies/{id} — edit an allow policy's comment; remove it (admins).
import { defineRoute, ok } from "@/lib/api/route";
import { deleteAllowPolicy, editAllowPolicyComment } from "@/lib/cloudflare/policies";
import { editCommentBodySchema, policyParamsSchema } from "@/lib/schemas/policies";

export const PATCH = defineRoute(
  {
    permission: "admin",
    params: policyParamsSchema,
    body: editCommentBodySchema,
    audit: ({ params, body }) => ({ operation: "allow_policy_edit", params: { id: params.policyId, ...body } }),
  },
  async ({ params, body }) => ok(await editAllowPolicyComment(params.policyId, body)),
);

export const DELETE = defineRoute(
  {
    permission: "admin",
    params: policyParamsSchema,
    audit: ({ params }) => ({ operation: "allow_policy_delete", params: { id: params.policyId } }),
  },
  async ({ params }) => ok(await deleteAllowPolicy(params.policyId)),
);
