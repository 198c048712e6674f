import "server-only";
import { getAuditStore } from "./store";

/** Why a sign-in was refused, in the words the audit trail filters on. */
export type SignInFailureReason =
  | "bad_password"
  | "unknown_account"
  | "throttled"
  | "oidc_refused"
  | "oidc_error"
  | (string & {});

export interface SignInRecord {
  /** As typed or as the identity provider said; "unknown" when the provider never told us. */
  email: string;
  outcome: "success" | "failure";
  reason?: SignInFailureReason;
  ip: string | null;
  userAgent: string | null;
  provider: string;
  /** The role given, on success. */
  role?: string;
}

/**
 * One audit row per sign-in attempt, successful or not. Called by next-auth's events and the
 * credentials check (options.ts) and by the sign-in throttle for attempts it refuses.
 */
export async function recordSignIn(record: SignInRecord): Promise<void> {
  const failed = record.outcome === "failure";
  await (await getAuditStore()).record({
    // What was typed can be anything: keep the record, not an unbounded string.
    email: record.email.trim().toLowerCase().slice(0, 254) || "unknown",
    role: record.role ?? "none",
    operation: "sign_in",
    params: { provider: record.provider, ...(failed ? { reason: record.reason ?? "unknown" } : {}) },
    ip: record.ip,
    userAgent: record.userAgent?.slice(0, 512) ?? null,
    outcome: failed ? "failed" : "succeeded",
    status: failed ? (record.reason === "throttled" ? 429 : 401) : 200,
    result: failed ? { reason: record.reason ?? "unknown" } : null,
  });
}
