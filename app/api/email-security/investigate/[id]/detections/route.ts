// GET /api/email-security/investigate/{id}/detections — why Email Security flagged the message: findings, attachments, headers, sender info.
import { defineRoute, ok } from "@/lib/api/route";
import { getDetections } from "@/lib/cloudflare";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params }) =>
  ok(await getDetections(params.id)),
);
