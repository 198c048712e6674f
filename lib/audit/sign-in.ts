import "server-only";
import { addressBlock } from "@/lib/client-address";
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
  /**
   * On failure: whether the email names an account. Attempts at emails that name none are
   * recorded together per address, so typing new emails does not make new rows.
   */
  known?: boolean;
}

/**
 * Failed sign-ins come from anyone, signed in or not: one row per reason, account (or "any unknown
 * account") and address per window, whose `attempts` counts every attempt in it. A flood of
 * guesses is then a few rows a minute, not a row per request.
 */
export const FAILURE_ROW_WINDOW_MS = 60_000;
/** How often a row's count is written while attempts keep coming (one update per row, not one per attempt). */
const FLUSH_DELAY_MS = 1_000;
/** Windows kept open at once; past it the oldest is closed (its count written) to make room. */
const MAX_OPEN_WINDOWS = 10_000;

interface OpenWindow {
  row: Promise<number>;
  params: Record<string, unknown>;
  reason: string;
  attempts: number;
  written: number;
  endsAt: number;
  timer?: ReturnType<typeof setTimeout>;
}

const globalForSignIns = globalThis as unknown as { __triageSignInWindows?: Map<string, OpenWindow> };
const windows = (globalForSignIns.__triageSignInWindows ??= new Map());

const normalised = (email: string) => email.trim().toLowerCase().slice(0, 254) || "unknown";

/**
 * One audit row per successful sign-in; failures are folded into one row per reason, account and
 * address per minute (see FAILURE_ROW_WINDOW_MS). Called by next-auth's events and the
 * credentials check (options.ts).
 */
export async function recordSignIn(record: SignInRecord): Promise<void> {
  if (record.outcome === "success") {
    await (await getAuditStore()).record({
      email: normalised(record.email),
      role: record.role ?? "none",
      operation: "sign_in",
      params: { provider: record.provider },
      ip: record.ip,
      userAgent: record.userAgent?.slice(0, 512) ?? null,
      outcome: "succeeded",
      status: 200,
      result: null,
    });
    return;
  }
  await recordFailure(record);
}

async function recordFailure(record: SignInRecord): Promise<void> {
  const reason = record.reason ?? "unknown";
  const email = normalised(record.email);
  const account = record.known === false ? "*unknown*" : email;
  // By the client's block (an IPv6 /64), so moving through one's own addresses opens no new rows.
  const key = JSON.stringify([reason, record.provider, account, record.ip ? addressBlock(record.ip) : ""]);
  const now = Date.now();
  const open = windows.get(key);
  if (open && open.endsAt > now) {
    open.attempts += 1;
    scheduleFlush(key, open);
    await open.row;
    return;
  }
  if (open) closeWindow(key, open);
  // Windows are kept in the order they opened: those that ended are at the front.
  for (const [oldKey, old] of windows) {
    if (old.endsAt > now && windows.size < MAX_OPEN_WINDOWS) break;
    closeWindow(oldKey, old);
  }
  while (windows.size >= MAX_OPEN_WINDOWS) {
    const [oldestKey, oldest] = windows.entries().next().value!;
    closeWindow(oldestKey, oldest);
  }
  const params = { provider: record.provider, reason };
  const window: OpenWindow = { row: Promise.resolve(0), params, reason, attempts: 1, written: 1, endsAt: now + FAILURE_ROW_WINDOW_MS };
  window.row = getAuditStore().then((store) =>
    store.record({
      // What was typed can be anything: keep the record, not an unbounded string.
      email,
      role: "none",
      operation: "sign_in",
      params: { ...params, attempts: 1 },
      ip: record.ip,
      userAgent: record.userAgent?.slice(0, 512) ?? null,
      outcome: "failed",
      status: reason === "throttled" ? 429 : 401,
      result: { reason, attempts: 1 },
    }),
  );
  windows.set(key, window);
  try {
    await window.row;
  } catch (err) {
    // The next attempt tries to write a row again rather than counting into one that is not there.
    windows.delete(key);
    throw err;
  }
}

function scheduleFlush(key: string, window: OpenWindow): void {
  if (window.timer) return;
  window.timer = setTimeout(() => {
    window.timer = undefined;
    void writeCount(window);
    if (window.endsAt <= Date.now() && windows.get(key) === window) windows.delete(key);
  }, FLUSH_DELAY_MS);
  // A pending count must never be what keeps the process alive.
  window.timer.unref?.();
}

function closeWindow(key: string, window: OpenWindow): void {
  if (window.timer) clearTimeout(window.timer);
  window.timer = undefined;
  void writeCount(window);
  if (windows.get(key) === window) windows.delete(key);
}

async function writeCount(window: OpenWindow): Promise<void> {
  if (window.written === window.attempts) return;
  const attempts = window.attempts;
  try {
    const id = await window.row;
    await (await getAuditStore()).amend(id, { ...window.params, attempts }, { reason: window.reason, attempts });
    window.written = Math.max(window.written, attempts);
  } catch (err) {
    console.error(`[triage] could not update the count of failed sign-ins: ${(err as Error).message}`);
  }
}

/** Writes every open window's count now (tests, and a process about to stop). */
export async function flushSignInFailures(): Promise<void> {
  await Promise.all(
    [...windows.values()].map((window) => {
      if (window.timer) clearTimeout(window.timer);
      window.timer = undefined;
      return writeCount(window);
    }),
  );
}
