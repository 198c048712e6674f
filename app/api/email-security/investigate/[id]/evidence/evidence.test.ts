import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { auditList, auditRecord } from "@/lib/testing/audit";
import { getEnv } from "@/lib/env";
import type { EvidenceManifest } from "@/lib/evidence/pack";
import { ORIGIN, callRoute, sessionCookie } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import type { Role } from "@/lib/auth/roles";
import { GET as messageAudit } from "@/app/api/audit/messages/[id]/route";
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
    const { bytes } = await download(fx.quarantinedId, "admin");
    const audit = JSON.parse(strFromU8(unzipSync(bytes)["console-audit.json"]!)) as { operation: string; message_ids: string[] }[];
    expect(audit.some((e) => e.operation === "evidence_export" && e.message_ids.includes(fx.quarantinedId))).toBe(true);
    const exports = await auditList({ operation: "evidence_export", messageId: fx.quarantinedId });
    expect(exports).toHaveLength(2);
    expect(exports[0]).toMatchObject({ email: "admin@tests.test", outcome: "succeeded" });
    expect(exports[0]!.params.files).toContain("message.eml");
  });

  describe("carries only the audit entries its reader may see", () => {
    const seed = async () => {
      const colleague = { email: "colleague@tests.test", ip: "198.51.100.77", userAgent: "ColleagueBrowser/1.0" };
      await auditRecord({ ...colleague, role: "analyst", operation: "move", messageIds: [fx.undeliverableId], destination: "JunkEmail", outcome: "succeeded", status: 200 });
      await auditRecord({ ...colleague, role: "viewer", operation: "raw_download", messageIds: [fx.undeliverableId], outcome: "succeeded", status: 200 });
    };
    const packOf = async (as: Role) => {
      const files = unzipSync((await download(fx.undeliverableId, as)).bytes);
      return {
        manifest: JSON.parse(strFromU8(files["manifest.json"]!)) as EvidenceManifest,
        auditText: strFromU8(files["console-audit.json"]!),
      };
    };

    it("gives an analyst the Action log tab's view: no colleague's address, user agent or raw read", async () => {
      await seed();
      const { manifest, auditText } = await packOf("analyst");
      expect(manifest.console_audit_view).toBe("team");
      expect(manifest.files.find((f) => f.name === "console-audit.json")?.description).toMatch(/without IP addresses, user agents or raw reads/);
      const audit = JSON.parse(auditText) as Record<string, unknown>[];
      expect(audit.map((e) => e.operation)).toContain("move");
      expect(auditText).not.toContain("198.51.100.77");
      expect(auditText).not.toContain("ColleagueBrowser");
      expect(audit.every((e) => !("ip" in e) && !("user_agent" in e))).toBe(true);
      expect(audit.map((e) => e.operation)).not.toContain("raw_download");
      expect(audit.map((e) => e.operation)).not.toContain("evidence_export");

      // The very view the Action log tab shows the same analyst.
      const tab = await callRoute(messageAudit, "/x", { params: { id: fx.undeliverableId }, as: "analyst" });
      expect(audit.filter((e) => e.operation !== "evidence_export")).toEqual(tab.json.result);
    });

    it("gives an admin every entry, with where it came from, and says so", async () => {
      const { manifest, auditText } = await packOf("admin");
      expect(manifest.console_audit_view).toBe("full");
      const audit = JSON.parse(auditText) as Record<string, unknown>[];
      expect(audit.map((e) => e.operation)).toEqual(expect.arrayContaining(["move", "raw_download", "evidence_export"]));
      expect(audit.find((e) => e.operation === "move")).toMatchObject({ ip: "198.51.100.77", user_agent: "ColleagueBrowser/1.0" });
    });
  });

  it("names the message by its subject in the manifest, hidden characters revealed", async () => {
    const { bytes } = await download(fx.hostileId);
    const files = unzipSync(bytes);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as EvidenceManifest;
    expect(manifest.subject).toContain("Invoice ⟨RLO⟩gpj.exe overdue ⟨ZWSP⟩⟨ZWJ⟩");
    expect(strFromU8(files["manifest.json"]!)).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
    // The evidence itself keeps the original bytes.
    expect(strFromU8(files["message.json"]!)).toContain("gpj.exe");
    expect(strFromU8(files["message.json"]!)).toContain(String.fromCharCode(0x202e));
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
