import type { AuditEvent } from "./types";

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/**
 * What an access event was about, in a few words for the trail's Target column (changes to
 * messages and jobs link to them instead). Client-safe.
 */
export function describeAccessEvent(event: Pick<AuditEvent, "operation" | "params" | "result">): string | null {
  const p = event.params ?? {};
  switch (event.operation) {
    case "sign_in": {
      // Failures are one row a minute per account and address, counting its attempts.
      const attempts = typeof p.attempts === "number" && p.attempts > 1 ? ` × ${p.attempts} attempts` : "";
      return `${[text(p.provider), text(p.reason)].filter(Boolean).join(": ")}${attempts}` || null;
    }
    case "sign_out":
      return "this session";
    case "session_revoke":
      return p.scope === "everywhere" ? "own sessions, everywhere" : `sessions of ${text(p.whose)}`;
    case "forbidden":
      return `${text(p.method)} ${text(p.route)} (needs ${text(p.missing_role)})`;
    case "audit_export": {
      const rows = (event.result as { rows?: unknown } | null)?.rows;
      return `${text(rows) || "?"} rows`;
    }
    case "view_create":
    case "view_update":
    case "view_delete": {
      // The name as sent, else as it was (a delete names it only in its result).
      const name = text(p.name) || text((event.result as { name?: unknown } | null)?.name);
      return `view ${name ? `"${name}"` : text(p.view_id)}${p.shared === true ? " (shared)" : ""}`;
    }
    default:
      return null;
  }
}
