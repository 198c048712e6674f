/**
 * The console's one error type. Every failure a route can report is an AppError with a code;
 * the code decides the HTTP status unless an upstream status is kept on purpose.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  upstream_rejected: 400, // Cloudflare refused the request; the upstream 4xx status is kept
  rate_limited: 429, // Cloudflare said slow down
  paced: 429, // the console's own budget for the account or the user said so
  internal: 500,
  upstream_error: 502,
  upstream_bad_response: 502,
  upstream_auth: 502,
  upstream_timeout: 504,
  // Redis (REDIS_URL) holds the shared budgets and cannot be reached: refusing beats overspending.
  rate_state_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: {
    status: number;
    code: ErrorCode;
    message: string;
    /** Per-field validation messages, keyed like the query string or body. */
    fields?: Record<string, string>;
    /** Seconds until a retry may succeed (429). */
    retry_after?: number;
  };
}

/**
 * Next.js bundles server code once for pages and once for route handlers, and some objects (the
 * read cache, the upstream client) are shared between them on globalThis. An AppError made by one
 * copy of this class must still be recognised by the other, so identity is a global symbol, not
 * `instanceof`.
 */
const APP_ERROR = Symbol.for("triage.AppError");

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly [APP_ERROR] = true;

  static is(value: unknown): value is AppError {
    return typeof value === "object" && value !== null && (value as { [APP_ERROR]?: boolean })[APP_ERROR] === true;
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { status?: number; fields?: Record<string, string>; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status ?? ERROR_STATUS[code];
    this.fields = options.fields;
    this.retryAfter = options.retryAfter;
  }

  readonly fields?: Record<string, string>;
  readonly retryAfter?: number;

  toBody(): ErrorBody {
    return {
      error: {
        status: this.status,
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.retryAfter !== undefined ? { retry_after: this.retryAfter } : {}),
      },
    };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ErrorBody).error?.message === "string"
  );
}
