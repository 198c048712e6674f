// GET /api/email-security/investigate/{id}/raw — the message as an .eml (the Raw tab's view and download).
import { recordRead } from "@/lib/api/audit";
import { defineRoute, ok } from "@/lib/api/route";
import { getRaw } from "@/lib/cloudflare";
import { messageParamsSchema } from "@/lib/schemas/params";

export const GET = defineRoute({ permission: "read", params: messageParamsSchema }, async ({ params, caller }) => {
  const raw = await getRaw(params.id);
  // The whole message, attachments included, leaves the console here: the trail says who took it.
  await recordRead(caller, { operation: "raw_download", messageIds: [params.id] });
  return ok(raw);
});
