// POST /api/email-security/investigate/preview — render a screenshot for a message that has none yet.
import { defineRoute, ok } from "@/lib/api/route";
import { createPreview } from "@/lib/cloudflare";
import { createPreviewBodySchema } from "@/lib/schemas/bodies";

export const POST = defineRoute({
    permission: "act",
    body: createPreviewBodySchema,
    audit: ({ body }) => ({ operation: "preview_create", messageIds: [body.id] }),
  }, async ({ body }) =>
  ok(await createPreview(body.id)),
);
