// Cloudflare v4 envelopes and the one table of error codes the simulator uses.

export interface CloudflareError {
  code: number;
  message: string;
  source?: { pointer: string };
}

export type ResultInfo =
  | {
      count: number;
      per_page: number;
      total_count: 0; // deprecated upstream: always 0 since 2026-11-01
      next: string | null;
      previous: string | null;
    }
  // Variance mode's `pageNumbered` answer: how lists paged before cursors.
  | { count: number; page: number; per_page: number; total_count: number }
  // The settings and submissions lists: page-numbered, every field optional in the description.
  | PageResultInfo;

export interface PageResultInfo {
  count?: number;
  page?: number;
  per_page?: number;
  total_count?: number;
}

export const ERROR_CODES = {
  badRequest: 1001,
  notFound: 1004,
  conflict: 1009,
  rateLimited: 1015,
  internal: 1100,
  unavailable: 1101,
  noRoute: 7003,
  methodNotAllowed: 7001,
  auth: 10000,
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: CloudflareError[],
  ) {
    super(errors.map((e) => e.message).join("; "));
  }
}

export function badRequest(message: string, pointer?: string): ApiError {
  return new ApiError(400, [{ code: ERROR_CODES.badRequest, message, ...(pointer ? { source: { pointer } } : {}) }]);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, [{ code: ERROR_CODES.notFound, message }]);
}

export function conflict(message: string): ApiError {
  return new ApiError(409, [{ code: ERROR_CODES.conflict, message }]);
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function successResponse(result: unknown, options: { status?: number; resultInfo?: ResultInfo; headers?: Record<string, string> } = {}): Response {
  const body: Record<string, unknown> = { success: true, errors: [], messages: [], result };
  if (options.resultInfo) body.result_info = options.resultInfo;
  return jsonResponse(options.status ?? 200, body, options.headers);
}

export function failureResponse(status: number, errors: CloudflareError[], headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { success: false, errors, messages: [], result: null }, headers);
}

export function errorForStatus(status: number): CloudflareError {
  if (status === 429) return { code: ERROR_CODES.rateLimited, message: "Rate limited. Please wait and consider throttling your request speed" };
  if (status === 401) return { code: ERROR_CODES.auth, message: "Authentication error" };
  if (status === 403) return { code: ERROR_CODES.auth + 1, message: "Forbidden" };
  if (status === 404) return { code: ERROR_CODES.notFound, message: "Not found" };
  if (status === 502 || status === 503 || status === 504) return { code: ERROR_CODES.unavailable, message: "Service temporarily unavailable" };
  if (status >= 500) return { code: ERROR_CODES.internal, message: "Internal server error" };
  return { code: ERROR_CODES.badRequest, message: "Bad request" };
}
