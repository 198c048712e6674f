import "server-only";
import { createHash } from "node:crypto";
import { MESSAGE_AUDIT_VIEWS, listMessageAudit, type MessageAuditView } from "@/lib/audit/message-view";
import type { Role } from "@/lib/auth/roles";
import { getActionLog, getDetections, getMessage, getPreview, getRaw, getTrace } from "@/lib/cloudflare";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/messages/raw-mime";
import { revealHidden } from "@/lib/text/reveal";
import type { ZipEntry } from "./zip";

/**
 * An evidence pack: everything the console knows about one message, as files, with a manifest
 * that names each file's SHA-256, who exported it and when, so a copy can be checked later.
 */

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
  description: string;
}

export interface EvidenceManifest {
  format: "triage-evidence-pack/1";
  message_id: string;
  /**
   * The subject, to tell packs apart, with hidden characters as visible markers (lib/text/reveal.ts):
   * a manifest is read by people; message.eml and message.json keep the original.
   */
  subject: string | null;
  exported_by: string;
  exported_at: string;
  /** Which view of the console's audit trail console-audit.json holds: the exporter's own. */
  console_audit_view: MessageAuditView;
  files: ManifestFile[];
  /** Parts the console asked for and Cloudflare did not have (e.g. no preview). */
  missing: string[];
}

export interface EvidencePack {
  entries: ZipEntry[];
  manifest: EvidenceManifest;
  /** Bytes of the files before compression, manifest included. */
  bytes: number;
}

const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The header block of a raw message: everything before the first empty line. */
export function headerSection(raw: string): string {
  const end = raw.search(/\r?\n\r?\n/);
  return end === -1 ? raw : raw.slice(0, end);
}

function tooLarge(bytes: number, maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The evidence pack for this message would be ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit (EVIDENCE_MAX_BYTES). Download the raw message from the Raw tab instead, or ask an operator to raise the limit.`,
  );
}

async function optionalPreview(id: string): Promise<string | null> {
  try {
    return (await getPreview(id)).screenshot;
  } catch (err) {
    if (AppError.is(err) && err.status === 404) return null;
    throw err;
  }
}

/** Who is exporting: the pack carries only what this person may see. */
export interface Exporter {
  email: string;
  role: Role;
}

export async function buildEvidencePack(id: string, exporter: Exporter, exportedAt: Date, maxBytes: number): Promise<EvidencePack> {
  const [message, raw, screenshot, detections, trace, actionLog, consoleAudit] = await Promise.all([
    getMessage(id),
    getRaw(id),
    optionalPreview(id),
    getDetections(id),
    getTrace(id),
    getActionLog(id),
    listMessageAudit(id, exporter.role, 1000),
  ]);
  const eml = encoder.encode(raw.raw);
  // The raw message is most of a pack: refuse before decoding anything else.
  if (eml.length > maxBytes) throw tooLarge(eml.length, maxBytes);

  const files: (ZipEntry & { description: string })[] = [
    { name: "message.eml", data: eml, description: "The raw message as Cloudflare holds it" },
    { name: "headers.txt", data: encoder.encode(`${headerSection(raw.raw)}\n`), description: "The message's header block, as text" },
    { name: "message.json", data: jsonBytes(message), description: "Cloudflare's record of the message" },
    { name: "detections.json", data: jsonBytes(detections), description: "Detections" },
    { name: "trace.json", data: jsonBytes(trace), description: "Delivery trace" },
    { name: "action-log.json", data: jsonBytes(actionLog.result), description: "Cloudflare's action log" },
    {
      name: "console-audit.json",
      data: jsonBytes(consoleAudit.entries),
      description: `The console's own audit entries for the message: ${MESSAGE_AUDIT_VIEWS[consoleAudit.view].description}`,
    },
  ];
  if (screenshot !== null) {
    files.push({ name: "screenshot.png", data: Buffer.from(screenshot, "base64"), stored: true, description: "Cloudflare's preview screenshot" });
  }
  const manifest: EvidenceManifest = {
    format: "triage-evidence-pack/1",
    message_id: id,
    subject: message.subject ? revealHidden(message.subject) : null,
    exported_by: revealHidden(exporter.email),
    exported_at: exportedAt.toISOString(),
    console_audit_view: consoleAudit.view,
    files: files.map((f) => ({ name: f.name, bytes: f.data.length, sha256: sha256(f.data), description: f.description })),
    missing: screenshot === null ? ["screenshot.png (no preview exists)"] : [],
  };
  const manifestBytes = jsonBytes(manifest);
  const bytes = files.reduce((sum, f) => sum + f.data.length, manifestBytes.length);
  if (bytes > maxBytes) throw tooLarge(bytes, maxBytes);
  return {
    entries: [...files.map(({ name, data, stored }) => ({ name, data, stored })), { name: "manifest.json", data: manifestBytes }],
    manifest,
    bytes,
  };
}

/** `evidence-<id>-<time>.zip`, with nothing from the id that a file system would read as a path. */
export function evidenceFileName(id: string, exportedAt: Date): string {
  const safeId = id.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(-64) || "message";
  return `evidence-${safeId}-${exportedAt.toISOString().replace(/[:.]/g, "-")}.zip`;
}
