import { parseRetryAfter } from "@/lib/retry-after";

/**
 * The browser's side of the console API: same-origin JSON, and one error type carrying what the
 * route handler said (`{ error: { status, code, message, fields? } }`), never a raw body.
 */

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds, from a 429's or 503's Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface JsonResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

function isErrorBody(v: unknown): v is { error: { status?: number; code?: string; message?: string; fields?: Record<string, string> } } {
  return typeof v === "object" && v !== null && "error" in v && typeof (v as { error: unknown }).error === "object";
}

export async function requestJson<T>(url: string, init?: RequestInit): Promise<JsonResponse<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
      credentials: "same-origin",
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "The console could not reach its server. Check your connection.");
  }
  let body: unknown = undefined;
  const text = await response.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
    if (isErrorBody(body)) {
      const e = body.error;
      throw new ApiError(
        e.status ?? response.status,
        e.code ?? "error",
        e.message ?? `Request failed (${response.status})`,
        e.fields,
        retryAfter,
      );
    }
    throw new ApiError(response.status, "error", `Request failed (${response.status})`, undefined, retryAfter);
  }
  if (body === undefined) {
    throw new ApiError(response.status, "malformed_response", "The server sent a response the console cannot read.");
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** How often a rate-limited read is asked again, each time after the wait the server named. */
export const RATE_LIMIT_RETRIES = 3;
/** A longer wait than this is shown to the analyst rather than waited out silently. */
const MAX_AUTOMATIC_WAIT_SECONDS = 60;

/**
 * The console's one retry policy for reads (the React Query default). A 429 is retried after its
 * Retry-After; other 4xx are the request's fault and shown at once; the server has already retried
 * a 5xx or a timeout once, so the browser adds a single try for a blip in between.
 */
export function shouldRetryRead(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status === 429) {
    return failureCount < RATE_LIMIT_RETRIES && (error.retryAfter ?? 1) <= MAX_AUTOMATIC_WAIT_SECONDS;
  }
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function readRetryDelay(failureCount: number, error: Error): number {
  if (error instanceof ApiError && error.status === 429) return Math.max(1, error.retryAfter ?? 1) * 1000;
  return Math.min(1000 * 2 ** failureCount, 8000);
}

/** A rate limit the query is waiting out: what to tell the analyst while it does. */
export function pendingRateLimit(query: { failureReason: Error | null; fetchStatus: string; failureCount: number }) {
  const reason = query.failureReason;
  if (!(reason instanceof ApiError) || reason.status !== 429 || query.fetchStatus !== "fetching") return null;
  return {
    retryAfterSeconds: reason.retryAfter ?? 1,
    attempt: query.failureCount,
    of: RATE_LIMIT_RETRIES,
    // "paced": the console's own budget (lib/api/user-budget, the account read budget), not Cloudflare.
    byConsole: reason.code === "paced",
  };
}
