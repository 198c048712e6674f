// GET /api/email-security/investigate/{id}/evidence — one .zip with the message, its views, the console's audit entries and a hashed manifest.
// Analysts and admins only: it carries the raw mail out of the console as a file, like a move it is an act, not a read.
import { recordRead } from "@/lib/api/audit";
import { defineRoute } from "@/lib/api/route";
import { getEnv } from "@/lib/env";
import { buildEvidencePack, evidenceFileName } from "@/lib/evidence/pack";
import { zipStream } from "@/lib/evidence/zip";
import { messageParamsSchema } from "@/lib/schemas/params";

/** The pack's upstream reads (lib/evidence/pack.ts): message, raw, screenshot, detections, trace, action log. */
const EVIDENCE_UPSTREAM_READS = 6;

export const GET = defineRoute({ permission: "act", params: messageParamsSchema, upstreamReads: () => EVIDENCE_UPSTREAM_READS }, async ({ params, caller }) => {
  const exportedAt = new Date();
  const pack = await buildEvidencePack(params.id, { email: caller.email, role: caller.role }, exportedAt, getEnv().limits.evidenceMaxBytes);
  // Recorded before the zip streams out, so an export is never missing from the trail.
  await recordRead(
    caller,
    { operation: "evidence_export", messageIds: [params.id], params: { files: pack.manifest.files.map((f) => f.name), bytes: pack.bytes } },
    { manifest: pack.manifest.files },
  );
  return {
    raw: true,
    body: zipStream(pack.entries, exportedAt),
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${evidenceFileName(params.id, exportedAt)}"`,
    },
  };
});
