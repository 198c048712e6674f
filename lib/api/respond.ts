import "server-only";
import { AppError, type ErrorBody } from "@/lib/errors";
import { jsonBytes } from "@/lib/json/bytes";

const NO_STORE = { "cache-control": "no-store" };

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  // Not Response.json: see jsonBytes for what building the text in pieces saves.
  return new Response(jsonBytes(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", ...NO_STORE, ...init.headers },
  });
}

/** Any error, as `{ error: { status, code, message } }`. Unknown errors say nothing about their insides. */
export function errorResponse(err: unknown): Response {
  const appError =
    AppError.is(err) ? err : new AppError("internal", "Something went wrong in the console. Try again.");
  if (appError.status >= 500) {
    // The cause may be an SDK error; its message never holds the token (the SDK redacts headers).
    console.error(`[api] ${appError.code}: ${appError.message}`, appError.cause instanceof Error ? appError.cause.message : "");
  }
  const headers: Record<string, string> = {};
  if (appError.retryAfter !== undefined) headers["retry-after"] = String(appError.retryAfter);
  const body: ErrorBody = appError.toBody();
  return json(body, { status: appError.status, headers });
}
