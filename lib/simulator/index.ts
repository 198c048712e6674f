// In-memory, deterministic implementation of Cloudflare's Email Security Investigate API.
// Used in-process as the console's backend when no API token is configured (the SDK's `fetch`
// is pointed at `handle`) and behind standalone.ts for end-to-end tests and benchmarks.
import { BoundedCache, routeApi } from "./api";
import { ApiError, errorForStatus, ERROR_CODES, failureResponse, jsonResponse, successResponse } from "./envelope";
import { FaultEngine, isSearchPath, validateFaultRules, type FaultRule } from "./faults";
import { generateDataset, type Dataset, type SimulatorFixtures } from "./generate";
import { JobStore } from "./jobs";
import { createSettingsState, routeSettingsApi, SETTINGS_AREAS } from "./settings-api";
import { createPhishguardState, routePhishguard } from "./phishguard";
import type { MessageRecord } from "./types";
import { Variance } from "./variance";
import { varianceConfigSchema, varianceFromEnv, type VarianceConfig } from "./variance-config";

export type { FaultRule } from "./faults";
export type { SimulatorFixtures } from "./generate";
export { VARIANCE_QUIRKS, varianceConfigSchema, varianceQuirkSchema, type VarianceConfig, type VarianceQuirk } from "./variance-config";

export interface SimulatorOptions {
  seed?: number;
  /** Clock in ms; defaults to Date.now. Inject one to step through job progress without sleeping. */
  now?: () => number;
  messageCount?: number;
  /** When set, only this bearer token is accepted. */
  token?: string;
  /** Variance mode (see variance.ts); off when absent or null. */
  variance?: VarianceConfig | null;
}

export interface CallRecord {
  at: string;
  method: string;
  /** Path after /client/v4 with each segment URL-decoded, e.g. /accounts/abc/email-security/investigate/xyz/move */
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
}

export interface Simulator {
  /** The whole HTTP contract. Also callable as a `fetch` (input, init), which is how the SDK calls it. */
  handle(request: Request | string | URL, init?: RequestInit): Promise<Response>;
  setFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  calls(): CallRecord[];
  clearCalls(): void;
  /** Also turns variance mode off. */
  reset(): void;
  fixtures(): SimulatorFixtures;
  /** Turns variance mode on with this config (validated; throws on a bad one), or off with null. */
  setVariance(config: VarianceConfig | null): void;
  variance(): VarianceConfig | null;
}

const API_PREFIX = "/client/v4";
const ACCOUNT_ID = /^[0-9a-f]{32}$/;
const TIMEOUT_CAP_MS = 120_000;
const MALFORMED_BODY = '{"success":true,"errors":[],"messages":[],"result":[{"id":"4Njp3P0STMz2c02Q-2026-11-20T10:00:00-1234';

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  const messageCount = options.messageCount ?? 10_000;
  let data: Dataset = generateDataset(seed, now(), messageCount);
  let variance: Variance | null = null;
  const wireId = (m: MessageRecord): string => (variance ? variance.wireId(m) : m.id);
  let jobs = new JobStore(seed, () => data.messages, wireId);
  let settings = createSettingsState(seed, data, now());
  let phishguard = createPhishguardState(seed, data, now());
  let postfixIndex: Map<string, MessageRecord> | null = null;
  const faults = new FaultEngine(seed);
  const cache = { previews: new BoundedCache<string>(256), raws: new BoundedCache<string>(32) };
  let callLog: CallRecord[] = [];

  const reset = (): void => {
    data = generateDataset(seed, now(), messageCount);
    variance = null;
    jobs = new JobStore(seed, () => data.messages, wireId);
    settings = createSettingsState(seed, data, now());
    phishguard = createPhishguardState(seed, data, now());
    postfixIndex = null;
    cache.previews.clear();
    cache.raws.clear();
    faults.clear();
    callLog = [];
  };
  const setVariance = (config: VarianceConfig | null): void => {
    variance = config === null ? null : new Variance(varianceConfigSchema.parse(config), data);
  };
  setVariance(options.variance ?? null);

  async function handle(input: Request | string | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const rawPath = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;

    if (rawPath.startsWith("/__simulator/")) return control(request, method, rawPath.slice("/__simulator/".length));

    let segments: string[];
    try {
      segments = rawPath.split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      return failureResponse(400, [{ code: ERROR_CODES.badRequest, message: "Malformed percent-encoding in path" }]);
    }
    const path = `/${segments.join("/")}`;
    const bodyText = method === "GET" || method === "HEAD" ? "" : await request.text();
    const body = parseBody(bodyText);
    callLog.push({ at: new Date(now()).toISOString(), method, path, query: queryRecord(url.searchParams), body: body.ok ? body.value : bodyText });
    // A load test must not grow the log without bound; tests read the recent calls.
    if (callLog.length > MAX_CALL_LOG) callLog.splice(0, callLog.length - MAX_CALL_LOG);

    const decision = faults.decide(method, [path, rawPath]);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs, request.signal);
    const effect = decision.effect;
    if (effect?.timeout) {
      await sleep(TIMEOUT_CAP_MS, request.signal);
      return failureResponse(504, [errorForStatus(504)]);
    }
    if (effect?.malformed) return new Response(MALFORMED_BODY, { status: 200, headers: { "content-type": "application/json" } });
    if (effect?.status !== undefined) {
      const headers: Record<string, string> = effect.retryAfter !== undefined ? { "retry-after": String(effect.retryAfter) } : {};
      return failureResponse(effect.status, [errorForStatus(effect.status)], headers);
    }

    const [accounts, accountId, product, area = "", ...rest] = segments;
    if (accounts !== "accounts" || !accountId || !ACCOUNT_ID.test(accountId) || product !== "email-security" || (area !== "investigate" && area !== "phishguard" && !SETTINGS_AREAS.has(area))) {
      return failureResponse(404, [{ code: ERROR_CODES.noRoute, message: "No route for that URI" }]);
    }
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
    if (!auth || (options.token !== undefined && auth[1] !== options.token)) {
      return failureResponse(401, [{ code: ERROR_CODES.auth, message: "Authentication error" }]);
    }
    if (effect?.pendingSearch && isSearchPath(path) && method === "GET") {
      return successResponse([], {
        status: 202,
        resultInfo: { count: 0, per_page: Number(url.searchParams.get("per_page")) || 20, total_count: 0, next: null, previous: null },
        headers: { location: request.url },
      });
    }
    if (!body.ok) return failureResponse(400, [{ code: ERROR_CODES.badRequest, message: "Request body is not valid JSON", source: { pointer: "/" } }]);

    try {
      const at = now();
      jobs.advance(at);
      if (area !== "investigate") {
        const response =
          area === "phishguard"
            ? routePhishguard(phishguard, method, rest, url.searchParams, at)
            : routeSettingsApi(settings, { method, area, rest, params: url.searchParams, body: body.value, now: at });
        const shaped = variance ? await reshaped(variance, response, method, path) : response;
        return effect?.unreadableEntry ? await withUnreadableEntry(shaped) : shaped;
      }
      const response = routeApi(
        {
          data,
          jobs,
          now: at,
          url,
          body: body.value,
          cache,
          submissions: settings.submissions,
          postfixIndex: () => (postfixIndex ??= new Map(data.messages.map((m) => [m.postfixId, m]))),
          variance,
        },
        method,
        rest,
      );
      const shaped = variance ? await reshaped(variance, response, method, path) : response;
      return effect?.unreadableEntry ? await withUnreadableEntry(shaped) : shaped;
    } catch (error) {
      if (error instanceof ApiError) return failureResponse(error.status, error.errors);
      console.error("[simulator] unhandled error", error);
      return failureResponse(500, [errorForStatus(500)]);
    }
  }

  async function control(request: Request, method: string, name: string): Promise<Response> {
    const route = `${method} ${name.replace(/\/$/, "")}`;
    switch (route) {
      case "GET calls":
        return successResponse(callLog.slice());
      case "DELETE calls":
        callLog = [];
        return successResponse({ cleared: true });
      case "GET faults":
        return successResponse(faults.list());
      case "PUT faults": {
        const parsed = parseBody(await request.text());
        try {
          const rules = validateFaultRules(parsed.ok && parsed.value && typeof parsed.value === "object" ? (parsed.value as { rules?: unknown }).rules : undefined);
          faults.set(rules);
          return successResponse({ rules: faults.list() });
        } catch (error) {
          return failureResponse(400, [{ code: ERROR_CODES.badRequest, message: error instanceof Error ? error.message : "Invalid rules", source: { pointer: "/rules" } }]);
        }
      }
      case "DELETE faults":
        faults.clear();
        return successResponse({ cleared: true });
      case "POST reset":
        reset();
        return successResponse({ reset: true });
      case "GET fixtures":
        return successResponse(fixtures());
      case "GET variance":
        return successResponse(variance?.config ?? null);
      case "PUT variance": {
        const parsed = parseBody(await request.text());
        const config = varianceConfigSchema.safeParse(parsed.ok ? parsed.value : undefined);
        if (!config.success) {
          const issue = config.error.issues[0];
          const pointer = `/${issue?.path.join("/") ?? ""}`;
          return failureResponse(400, [{ code: ERROR_CODES.badRequest, message: `Invalid variance config: ${issue?.message ?? "expected { seed, force? }"} at ${pointer}`, source: { pointer } }]);
        }
        setVariance(config.data);
        return successResponse(config.data);
      }
      case "DELETE variance":
        setVariance(null);
        return successResponse(null);
      default:
        return jsonResponse(404, { success: false, errors: [{ code: ERROR_CODES.noRoute, message: `No simulator control route ${route}` }], messages: [], result: null });
    }
  }

  const fixtures = (): SimulatorFixtures => (variance ? variance.fixtures(data.fixtures) : { ...data.fixtures });

  return {
    handle,
    setFaults: (rules) => faults.set(validateFaultRules(rules)),
    clearFaults: () => faults.clear(),
    calls: () => callLog.map((c) => ({ ...c })),
    clearCalls: () => {
      callLog = [];
    },
    reset,
    fixtures,
    setVariance,
    variance: () => variance?.config ?? null,
  };
}

/** Applies variance to a successful JSON reply; the route itself built it exactly as without variance. */
async function reshaped(variance: Variance, response: Response, method: string, path: string): Promise<Response> {
  if (response.status < 200 || response.status >= 300) return response;
  const body = (await response.json()) as { result?: unknown; result_info?: unknown };
  variance.reshape(method, path, response.status, body);
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
}

/** The `unreadableEntry` fault: a list reply with one more entry, `null`, which no reader accepts. */
async function withUnreadableEntry(response: Response): Promise<Response> {
  if (response.status !== 200) return response;
  const body = (await response.json()) as { result?: unknown };
  if (Array.isArray(body.result)) body.result.push(null);
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}

function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

const GLOBAL_KEY = Symbol.for("triage.simulator");
/** The newest calls kept in the log. */
export const MAX_CALL_LOG = 5_000;

/** Process-wide simulator kept on globalThis so Next dev hot reloads do not regenerate data. */
export function getSimulator(): Simulator {
  const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: Simulator };
  holder[GLOBAL_KEY] ??= createSimulator({ token: process.env.SIMULATOR_TOKEN || undefined, variance: varianceFromEnv() });
  return holder[GLOBAL_KEY];
}
