import "server-only";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "cloudflare";
import { AppError } from "@/lib/errors";
import { parseRetryAfter } from "@/lib/retry-after";

function cloudflareMessage(err: APIError): string | undefined {
  const first = err.errors?.[0];
  return first?.message ? `${first.message}${first.code ? ` (Cloudflare code ${first.code})` : ""}` : undefined;
}

/**
 * Turns anything the SDK throws into the console's AppError. Cloudflare's own message is kept
 * where it helps the analyst; upstream bodies and stacks never travel further.
 */
export function toAppError(err: unknown): AppError {
  if (AppError.is(err)) return err;
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) {
    return new AppError("upstream_timeout", "Cloudflare did not answer in time. Try again in a moment.", { cause: err });
  }
  if (err instanceof APIConnectionError) {
    return new AppError("upstream_error", "Could not reach Cloudflare. Check the network and try again.", { cause: err });
  }
  if (err instanceof APIError && typeof err.status === "number") {
    const status = err.status;
    const message = cloudflareMessage(err);
    if (status === 429) {
      const retryAfter = parseRetryAfter(err.headers?.get("retry-after"));
      return new AppError(
        "rate_limited",
        `Cloudflare is rate-limiting this account${retryAfter !== undefined ? `; retry in ${retryAfter} s` : ""}.`,
        { retryAfter, cause: err },
      );
    }
    if (status === 401 || status === 403) {
      // The console's token was refused: a server configuration problem, not the analyst's.
      return new AppError("upstream_auth", `Cloudflare refused the console's API credentials: ${message ?? `HTTP ${status}`}`, {
        cause: err,
      });
    }
    if (status === 404) {
      return new AppError("not_found", message ?? "Not found at Cloudflare.", { cause: err });
    }
    if (status >= 400 && status < 500) {
      return new AppError("upstream_rejected", message ?? `Cloudflare rejected the request (HTTP ${status}).`, {
        status,
        cause: err,
      });
    }
    return new AppError("upstream_error", `Cloudflare had a problem (HTTP ${status}). Try again in a moment.`, { cause: err });
  }
  // JSON that does not parse, or a reply of the wrong shape.
  return new AppError("upstream_bad_response", "Cloudflare sent a reply the console could not read. Try again.", {
    cause: err,
  });
}

/** Runs one upstream call; every failure comes out as an AppError. */
export async function callUpstream<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toAppError(err);
  }
}

/**
 * Where the SDK and Cloudflare's published description disagree on a body (release, preview
 * creation), a 4xx most likely means the account expects the other shape: the analyst (and
 * whoever reads the audit trail) must see which operation failed and what Cloudflare said.
 */
export function namingOperation(operation: string, err: unknown): unknown {
  if (!AppError.is(err) || !(err.cause instanceof APIError)) return err;
  const status = err.cause.status;
  if (typeof status !== "number" || status < 400 || status >= 500 || status === 429 || status === 401 || status === 403) return err;
  const said = cloudflareMessage(err.cause) ?? `HTTP ${status}`;
  return new AppError(err.code, `${operation} failed: Cloudflare said: ${said}`, { status: err.status, cause: err.cause });
}
