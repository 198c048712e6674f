import "server-only";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "cloudflare";
import type { Upstream } from "@/lib/cloudflare/client";
import { parseRetryAfter } from "@/lib/retry-after";
import { CHECKS, READ_PERMISSION, type Check, type CheckId, type Ids, type Reading, type RequestOptions } from "./checks";
import { FieldWatcher } from "./fields";

/** What the doctor spends at most of the account's ~1,200 requests per 5 minutes (it needs 12 or 13). */
export const MAX_READS = 15;
/** The whole run, however Cloudflare answers. */
export const DEFAULT_DEADLINE_MS = 60_000;
/** A token that expires sooner than this is worth a warning. */
const EXPIRY_WARNING_MS = 14 * 24 * 3600_000;

export type Verdict = "ok" | "degraded" | "refused" | "skipped";

export interface CheckResult {
  id: CheckId | "token";
  operation: string;
  request: string;
  /** The HTTP status, or null when no answer came (timeout, network) or nothing was sent. */
  status: number | null;
  /** From sending to having read the reply; null when nothing was sent. */
  ms: number | null;
  /** Fields the console reads that the reply lacked, and fields it sent that the console does not read. */
  missing: string[];
  unknown: string[];
  /** Entries the console would leave out. */
  unreadable: number;
  /** Entries on the page, for a list that was read. */
  entries?: number;
  verdict: Verdict;
  /** Why: Cloudflare's message on a refusal, what was thin on a degraded answer, why a check was skipped. */
  note: string;
}

export interface DoctorReport {
  target: { mode: "cloudflare" | "simulator"; baseURL: string; accountId: string };
  results: CheckResult[];
  /** Requests sent to the account, refused ones included. */
  reads: number;
  maxReads: number;
  elapsedMs: number;
  deadlineMs: number;
  /** The message and bulk job read in detail (ids only; nothing of their content is printed). */
  ids: Ids;
}

export interface DoctorOptions {
  upstream: Upstream;
  mode: "cloudflare" | "simulator";
  /** Per request: the console's own read timeout (UPSTREAM_READ_TIMEOUT_MS), never beyond the deadline. */
  readTimeoutMs: number;
  deadlineMs?: number;
  /** Read this message in detail instead of the search's first. */
  messageId?: string;
  maxReads?: number;
}

interface Answer {
  status: number;
  ms: number;
  body: unknown;
}

/** Why nothing more is sent: a 401 or 429 means every further read would be refused too. */
type Halt = string | null;

function cloudflareMessage(err: APIError): string | undefined {
  const first = err.errors?.[0];
  return first?.message ? `${first.message}${first.code ? ` (code ${first.code})` : ""}` : undefined;
}

/**
 * Runs every read the console makes, once, and says how each went. Never writes: every request is
 * a GET through the SDK with its retries off, so the count of reads is exact.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { client, accountId } = options.upstream;
  const maxReads = options.maxReads ?? MAX_READS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const started = performance.now();
  const deadline = started + deadlineMs;
  let reads = 0;
  let halt: Halt = null;
  const token = client.apiToken;
  // Cloudflare's messages are printed: the token must never ride along in one.
  const redact = (text: string) => (token ? text.split(token).join("[token]") : text);

  /** One request, or why it may not be sent (budget or time spent). */
  async function send(request: (options: RequestOptions) => { asResponse(): Promise<Response> }): Promise<Answer | { skipped: string }> {
    if (reads >= maxReads) return { skipped: `not sent: the doctor spends at most ${maxReads} reads` };
    const remaining = Math.floor(deadline - performance.now());
    if (remaining <= 0) return { skipped: `not sent: the doctor's ${Math.round(deadlineMs / 1000)} s were up` };
    reads += 1;
    const at = performance.now();
    const response = await request({ timeout: Math.min(options.readTimeoutMs, remaining), maxRetries: 0 }).asResponse();
    const text = await response.text();
    const ms = Math.round(performance.now() - at);
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      throw new UnreadableReply(response.status, ms, "the reply is not JSON");
    }
    return { status: response.status, ms, body };
  }

  /**
   * A refusal as the operator should read it, Cloudflare's own words kept. `halts`: why nothing
   * more is worth sending (a refused token or a rate limit refuses every further read too).
   */
  function failure(base: Pick<CheckResult, "id" | "operation" | "request">, err: unknown, ms: number): { result: CheckResult; said: string; halts?: string } {
    const emailSecurity = base.id !== "token";
    const refused = (status: number | null, note: string, said = note) => ({
      result: { ...base, status, ms, missing: [], unknown: [], unreadable: 0, verdict: "refused" as const, note },
      said,
    });
    if (err instanceof UnreadableReply) {
      const out = refused(err.status, `the console could not read the reply: ${err.reason}`);
      return { ...out, result: { ...out.result, ms: err.ms } };
    }
    if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) {
      return refused(null, `no answer in time (gave up after ${(ms / 1000).toFixed(1)} s)`);
    }
    if (err instanceof APIConnectionError) {
      const cause = err.cause instanceof Error ? err.cause.message : err.message;
      return { ...refused(null, redact(`could not reach ${client.baseURL}: ${cause}`)), halts: "not sent: Cloudflare could not be reached" };
    }
    if (!(err instanceof APIError) || typeof err.status !== "number") {
      return refused(null, redact(`unexpected failure: ${err instanceof Error ? err.message : String(err)}`));
    }
    const status = err.status;
    const said = redact(cloudflareMessage(err) ?? `HTTP ${status}`);
    if (status === 401) {
      return { ...refused(status, `Cloudflare refused the token: ${said}. Check CLOUDFLARE_API_TOKEN`, said), halts: "not sent: Cloudflare refused the token" };
    }
    if (status === 403 && emailSecurity) {
      return refused(status, `the token lacks "${READ_PERMISSION}" on account ${accountId} (or is not allowed that account): ${said}`, said);
    }
    if (status === 404 && emailSecurity) return refused(status, `Cloudflare said: ${said} (is ${accountId} the account, with Email Security on it?)`, said);
    if (status === 429) {
      const retryAfter = parseRetryAfter(err.headers?.get("retry-after"));
      const limited = `Cloudflare is rate-limiting this account${retryAfter !== undefined ? `; retry in ${retryAfter} s` : ""}`;
      return { ...refused(status, `${limited}: ${said}`, said), halts: `not sent: ${limited}` };
    }
    return refused(status, `Cloudflare said: ${said}`, said);
  }

  /** Why a message or a job to read in detail was not found (set once the lists have answered). */
  const unfound: Record<keyof Ids, string> = { message: "", job: "" };

  async function runCheck(check: Check, ids: Ids): Promise<{ result: CheckResult; ids?: Ids }> {
    const base = { id: check.id, operation: check.operation, request: check.request };
    const skipped = (note: string): { result: CheckResult } => ({
      result: { ...base, status: null, ms: null, missing: [], unknown: [], unreadable: 0, verdict: "skipped", note },
    });
    if (halt) return skipped(halt);
    if (check.needs && !ids[check.needs]) return skipped(unfound[check.needs]);
    const at = performance.now();
    try {
      const answer = await send((requestOptions) => check.send(client, accountId, ids, requestOptions));
      if ("skipped" in answer) return skipped(answer.skipped);
      return judge(check, answer);
    } catch (err) {
      const failed = failure(base, err, Math.round(performance.now() - at));
      halt ??= failed.halts ?? null;
      return { result: failed.result };
    }
  }

  function judge(check: Check, answer: Answer): { result: CheckResult; ids?: Ids } {
    const base = { id: check.id, operation: check.operation, request: check.request, status: answer.status, ms: answer.ms };
    const body = (answer.body ?? {}) as { result?: unknown; result_info?: unknown };
    const watch = new FieldWatcher();
    let reading: Reading;
    try {
      reading = check.read(body, watch);
    } catch {
      return { result: { ...base, missing: [], unknown: [], unreadable: 0, verdict: "refused", note: "the console could not read the reply (the page would show an error)" } };
    }
    const { missing, unknown } = watch.report();
    // A list reply with no `result` reads as empty, and one without `result_info` pages by guesswork.
    if (check.list && body.result === undefined) missing.unshift("result");
    if (check.list && body.result_info === undefined && check.id !== "actionLog") missing.unshift("result_info");
    const notes: string[] = [];
    if (answer.status === 202) notes.push("the search is still running (202); the console polls it");
    if (reading.unreadable > 0) notes.push(`${reading.unreadable} entr${reading.unreadable === 1 ? "y" : "ies"} the console would leave out`);
    if (missing.length > 0) notes.push(`the console shows "—" for ${missing.length} field${missing.length === 1 ? "" : "s"}`);
    const verdict: Verdict = reading.unreadable > 0 || missing.length > 0 ? "degraded" : "ok";
    return { result: { ...base, missing, unknown, unreadable: reading.unreadable, entries: reading.entries, verdict, note: notes.join("; ") }, ids: reading.ids };
  }

  /**
   * The token: account-owned tokens verify at the account, user tokens at /user (Cloudflare's
   * "Verify Token" operations; the SDK's accounts.tokens.verify and user.tokens.verify). Neither
   * needs a permission. A mock of the Email Security descriptions has neither, which says nothing
   * about the token: the operations after it do.
   */
  async function checkToken(): Promise<CheckResult> {
    const base = { id: "token" as const, operation: "Verify the token" };
    const attempts = [
      { request: "GET /accounts/{account}/tokens/verify", call: (o: RequestOptions) => client.accounts.tokens.verify({ account_id: accountId }, o) },
      { request: "GET /user/tokens/verify", call: (o: RequestOptions) => client.user.tokens.verify(o) },
    ];
    const refusals: ReturnType<typeof failure>[] = [];
    let totalMs = 0;
    for (const attempt of attempts) {
      const at = performance.now();
      try {
        const answer = await send(attempt.call);
        if ("skipped" in answer) return { ...base, request: attempt.request, status: null, ms: null, missing: [], unknown: [], unreadable: 0, verdict: "skipped", note: answer.skipped };
        return tokenVerdict({ ...base, request: attempt.request }, answer, totalMs + answer.ms);
      } catch (err) {
        const ms = Math.round(performance.now() - at);
        totalMs += ms;
        const failed = failure({ ...base, request: attempt.request }, err, ms);
        // No answer, or a rate limit: the other door would fare no better.
        if (failed.result.status === null || failed.result.status === 429) {
          halt ??= failed.halts ?? "not sent: the token could not be checked";
          return { ...failed.result, ms: totalMs };
        }
        // Otherwise (401, 403, 404) the token may simply belong to the other door: try it.
        refusals.push(failed);
      }
    }
    const base404 = { ...base, request: "GET …/tokens/verify", ms: totalMs, missing: [], unknown: [], unreadable: 0 };
    if (refusals.every((f) => f.result.status === 404)) {
      return { ...base404, status: 404, verdict: "skipped", note: "this address has no token check (a simulator or a mock?); the reads below test the token" };
    }
    halt = "not sent: Cloudflare refused the token";
    const last = refusals.findLast((f) => f.result.status !== 404) ?? refusals.at(-1)!;
    return {
      ...base404,
      status: last.result.status,
      verdict: "refused",
      note: `Cloudflare accepted the token neither as account ${accountId}'s nor as a user's: ${last.said}. Check CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID`,
    };
  }

  function tokenVerdict(base: Pick<CheckResult, "id" | "operation" | "request">, answer: Answer, ms: number): CheckResult {
    const result = (answer.body as { result?: { status?: unknown; expires_on?: unknown; not_before?: unknown } } | null)?.result;
    const common = { ...base, status: answer.status, ms, missing: [] as string[], unknown: [] as string[], unreadable: 0 };
    const status = typeof result?.status === "string" ? result.status : "unknown";
    const now = Date.now();
    if (status !== "active") {
      halt = "not sent: the token is not active";
      return { ...common, verdict: "refused", note: `the token is ${status}` };
    }
    if (typeof result?.not_before === "string" && Date.parse(result.not_before) > now) {
      halt = "not sent: the token is not valid yet";
      return { ...common, verdict: "refused", note: `the token is not valid before ${result.not_before}` };
    }
    if (typeof result?.expires_on === "string" && Date.parse(result.expires_on) - now < EXPIRY_WARNING_MS) {
      return { ...common, verdict: "degraded", note: `active, but expires on ${result.expires_on}` };
    }
    return { ...common, verdict: "ok", note: typeof result?.expires_on === "string" ? `active until ${result.expires_on}` : "active" };
  }

  const results = new Map<CheckResult["id"], CheckResult>();
  results.set("token", await checkToken());

  const ids: Ids = { message: options.messageId };
  const byId = new Map(CHECKS.map((c) => [c.id, c]));
  const phase = (checkIds: CheckId[]) => Promise.all(checkIds.map((id) => runCheck(byId.get(id)!, ids)));
  // Lists first (they name the message and the job to read), in parallel to keep the run short.
  for (const { result, ids: found } of await phase(["search", "jobs", "blockedSenders", "allowPolicies", "submissions"])) {
    results.set(result.id, result);
    if (found?.message && !ids.message) ids.message = found.message;
    if (found?.job) ids.job = found.job;
  }
  const search = results.get("search")!;
  unfound.message =
    search.verdict === "refused" || search.verdict === "skipped"
      ? "no message to read: the search did not answer (try --message ID)"
      : search.status === 202
        ? "no message to read: the search is still running (try --message ID)"
        : "no message to read: the search found none (try --message ID)";
  unfound.job = ["refused", "skipped"].includes(results.get("jobs")!.verdict) ? "no bulk job to read: the list did not answer" : "no bulk job on the account to read";
  for (const { result } of await phase(["message", "detections", "trace", "actionLog", "job", "jobMessages"])) results.set(result.id, result);

  return {
    target: { mode: options.mode, baseURL: client.baseURL, accountId },
    results: ["token" as const, ...CHECKS.map((c) => c.id)].map((id) => results.get(id)!),
    reads,
    maxReads,
    elapsedMs: Math.round(performance.now() - started),
    deadlineMs,
    ids,
  };
}

class UnreadableReply extends Error {
  constructor(
    readonly status: number,
    readonly ms: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}
