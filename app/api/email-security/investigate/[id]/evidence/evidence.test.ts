import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { auditList } from "@/lib/testing/audit";
import { getEnv } from "@/lib/env";
import type { EvidenceManifest } from "@/lib/evidence/pack";
import { ORIGIN, sessionCookie } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import type { Role } from "@/lib/auth/roles";
import { GET as evidence } from "./route";

const { sim, fx } = useDemoSimulator();

async function download(id: string, as: Role = "analyst") {
  const request = new Request(`${ORIGIN}/api/email-security/investigate/${encodeURIComponent(id)}/evidence`, {
    headers: { cookie: await sessionCookie(as) },
  });
  const response = await evidence(request, { params: Promise.resolve({ id }) });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("GET /api/email-security/investigate/{id}/evidence", () => {
  it("gives one zip whose manifest names every file with its SHA-256, who exported it and when", async () => {
    const { response, bytes } = await download(fx.deliveredId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="evidence-[A-Za-z0-9-]+-[0-9T-]+Z\.zip"$/);
    const files = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as EvidenceManifest;
    expect(manifest).toMatchObject({ message_id: fx.deliveredId, exported_by: "analyst@tests.test", missing: [] });
    expect(Math.abs(Date.parse(manifest.exported_at) - Date.now())).toBeLessThan(60_000);
    expect(Object.keys(files).sort()).toEqual(
      [...manifest.files.map((f) => f.name), "manifest.json"].sort(),
    );
    expect(manifest.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(["message.eml", "headers.txt", "detections.json", "trace.json", "action-log.json", "console-audit.json", "screenshot.png"]),
    );
    for (const f of manifest.files) {
      expect(sha256(files[f.name]!), f.name).toBe(f.sha256);
      expect(files[f.name]!.length, f.name).toBe(f.bytes);
    }
    const eml = strFromU8(files["message.eml"]!);
    const headers = strFromU8(files["headers.txt"]!);
    expect(eml.startsWith(headers.trimEnd())).toBe(true);
    expect(headers).toMatch(/^Subject:/m);
    expect(headers).not.toMatch(/\r?\n\r?\n./);
    expect(strFromU8(files["screenshot.png"]!.subarray(1, 4))).toBe("PNG");
  });

  it("includes the console's own audit entries for the message, and audits the export itself", async () => {
    await download(fx.quarantinedId);
    const { bytes } = await download(fx.quarantinedId);
    const audit = JSON.parse(strFromU8(unzipSync(bytes)["console-audit.json"]!)) as { operation: string; message_ids: string[] }[];
    expect(audit.some((e) => e.operation === "evidence_export" && e.message_ids.includes(fx.quarantinedId))).toBe(true);
    const exports = await auditList({ operation: "evidence_export", messageId: fx.quarantinedId });
    expect(exports).toHaveLength(2);
    expect(exports[0]).toMatchObject({ email: "analyst@tests.test", outcome: "succeeded" });
    expect(exports[0]!.params.files).toContain("message.eml");
  });

  it("leaves the screenshot out, and says so, when no preview exists", async () => {
    const { response, bytes } = await download(fx.noPreviewId);
    expect(response.status).toBe(200);
    const files = unzipSync(bytes);
    expect(files["screenshot.png"]).toBeUndefined();
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as EvidenceManifest;
    expect(manifest.missing).toEqual(["screenshot.png (no preview exists)"]);
  });

  it("refuses past the size cap with a clear 413, and audits nothing", async () => {
    const limits = getEnv().limits;
    const before = limits.evidenceMaxBytes;
    limits.evidenceMaxBytes = 2048;
    try {
      const exportsBefore = (await auditList({ operation: "evidence_export", messageId: fx.deliveredId })).length;
      const { response, bytes } = await download(fx.deliveredId);
      expect(response.status).toBe(413);
      expect(JSON.parse(strFromU8(bytes)).error.message).toMatch(/over the 2\.0 KB limit \(EVIDENCE_MAX_BYTES\)/);
      expect(await auditList({ operation: "evidence_export", messageId: fx.deliveredId })).toHaveLength(exportsBefore);
    } finally {
      limits.evidenceMaxBytes = before;
    }
  });

  it.each([
    ["a viewer", fx.deliveredId, "viewer" as Role, 403, /analyst role/],
    ["an id with a path in it", "../../bulk", "analyst" as Role, 400, /id/i],
    ["an unknown message", "no-such-message-000", "analyst" as Role, 404, /./],
  ])("refuses %s", async (_name, id, as, status, message) => {
    const { response, bytes } = await download(id || fx.deliveredId, as);
    expect(response.status).toBe(status);
    expect(JSON.parse(strFromU8(bytes)).error.message).toMatch(message);
    if (status === 400 || status === 403) expect(sim.calls()).toHaveLength(0);
  });
});
