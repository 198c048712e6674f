// POST /api/email-security/investigate/{id}/reclassify — ask Email Security to re-judge a message; Cloudflare accepts with 202.
import { defineRoute, ok } from "@/lib/api/route";
import { reclassifyMessage } from "@/lib/cloudflare";
import { MAX_EML_BASE64_CHARS, reclassifyBodySchema } from "@/lib/schemas/bodies";
import { messageParamsSchema } from "@/lib/schemas/params";

export const POST = defineRoute(
  {
    permission: "act",
    params: messageParamsSchema,
    body: reclassifyBodySchema,
    // The only body that may carry a whole .eml.
    maxBodyBytes: MAX_EML_BASE64_CHARS + 4096,
    audit: ({ params, body }) => ({
      operation: "reclassify",
      messageIds: [params.id],
      // The .eml itself is evidence Cloudflare keeps; the trail records that one was sent.
      params: { expected_disposition: body.expected_disposition, with_eml: Boolean(body.eml_content) },
    }),
  },
  async ({ params, body }) => ({ ...ok(await reclassifyMessage(params.id, body)), status: 202 }),
);
