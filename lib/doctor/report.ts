import type { CheckResult, DoctorReport } from "./run";
import { WRITE_PERMISSION } from "./checks";

/**
 * Exit codes of `npm run doctor` (README, "Pointing it at a real Cloudflare account"):
 * 0 every read the console needs was answered (some perhaps degraded), 1 at least one was refused,
 * 2 the doctor could not run (the configuration the server would refuse, or a bad option).
 */
export const EXIT = { ok: 0, refused: 1, cannotRun: 2 } as const;

export function exitCode(report: DoctorReport): number {
  return report.results.some((r) => r.verdict === "refused") ? EXIT.refused : EXIT.ok;
}

const FIELDS_WIDTH = 44;

function fieldsCell(r: CheckResult): string {
  const parts: string[] = [];
  if (r.missing.length) parts.push(`missing ${r.missing.join(", ")}`);
  if (r.unknown.length) parts.push(`unknown ${r.unknown.join(", ")}`);
  if (r.unreadable) parts.push(`${r.unreadable} unreadable`);
  if (r.entries === 0) parts.push("empty page, nothing to compare");
  const answered = r.id !== "token" && (r.verdict === "ok" || r.verdict === "degraded");
  const text = parts.join("; ") || (answered ? "all there" : "");
  return text.length > FIELDS_WIDTH ? `${text.slice(0, FIELDS_WIDTH - 12)}… (see below)` : text;
}

function verdictCell(r: CheckResult): string {
  return r.note ? `${r.verdict}: ${r.note}` : r.verdict;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  // The last column (the verdict and Cloudflare's message) is never padded or cut.
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd()).join("\n");
}

/** The report as an operator reads it in a terminal. Holds no token, no subject, no address. */
export function formatReport(report: DoctorReport): string {
  const { target } = report;
  const where =
    target.mode === "simulator"
      ? "the built-in simulator (demo mode: no Cloudflare token is configured)"
      : `Cloudflare at ${target.baseURL}, account ${target.accountId}`;
  const rows = [
    ["Operation", "Request", "HTTP", "Time", "Fields", "Verdict"],
    ...report.results.map((r) => [
      r.operation,
      r.request,
      r.status === null ? "—" : String(r.status),
      r.ms === null ? "—" : `${r.ms} ms`,
      fieldsCell(r),
      verdictCell(r),
    ]),
  ];
  const details = report.results
    .filter((r) => fieldsCell(r).endsWith("(see below)"))
    .map((r) => {
      const lines = [`${r.operation}:`];
      if (r.missing.length) lines.push(`  missing (the console shows "—"): ${r.missing.join(", ")}`);
      if (r.unknown.length) lines.push(`  unknown (sent, not read by the console): ${r.unknown.join(", ")}`);
      return lines.join("\n");
    });
  const refused = report.results.filter((r) => r.verdict === "refused").length;
  const degraded = report.results.filter((r) => r.verdict === "degraded").length;
  const skipped = report.results.filter((r) => r.verdict === "skipped" && r.id !== "token").length;
  const outcome =
    refused > 0
      ? `${refused} refused: analysts would meet errors; fix these first (exit ${EXIT.refused}).`
      : `Every read the console needs was answered${degraded ? `; ${degraded} degraded (the pages work, with less)` : ""}${skipped ? `; ${skipped} not tried` : ""} (exit ${EXIT.ok}).`;
  return [
    `Triage doctor: ${where}`,
    `Read-only: every request is a GET; the token is never printed.`,
    "",
    table(rows),
    ...(details.length ? ["", ...details] : []),
    "",
    `${report.reads} read${report.reads === 1 ? "" : "s"} of the account's budget (Cloudflare allows about 1,200 requests per 5 minutes; the doctor spends at most ${report.maxReads}), ${(report.elapsedMs / 1000).toFixed(1)} s (at most ${Math.round(report.deadlineMs / 1000)} s).`,
    `Changes (moves, releases, bulk jobs, blocks, allow entries) need "${WRITE_PERMISSION}" too; the doctor never writes, so it cannot check that.`,
    outcome,
  ].join("\n");
}

/** `--json`: the same report for machines, with the exit code in it. */
export function reportJson(report: DoctorReport): string {
  return JSON.stringify({ ...report, exitCode: exitCode(report) }, null, 2);
}
