// PATCH, DELETE /api/email-security/settings/block_senders/{id} — edit a block's comment; remove a block (analysts).
import { defineRoute, ok } from "@/lib/api/route";
import { deleteBlockedSender, editBlockedSenderComment } from "@/lib/cloudflare/policies";
import { editCommentBodySchema, policyParamsSchema } from "@/lib/schemas/policies";

export const PATCH = defineRoute(
  {
    permission: "act",
    params: policyParamsSchema,
    body: editCommentBodySchema,
    audit: ({ params, body }) => ({ operation: "block_sender_edit", params: { id: params.policyId, ...body } }),
  },
  async ({ params, body }) => ok(await editBlockedSenderComment(params.policyId, body)),
);

export const DELETE = defineRoute(
  {
    permission: "act",
    params: policyParamsSchema,
    audit: ({ params }) => ({ operation: "block_sender_delete", params: { id: params.policyId } }),
  },
  async ({ params }) => ok(await deleteBlockedSender(params.policyId)),
);
