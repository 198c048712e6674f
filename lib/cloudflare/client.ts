import "server-only";
import Cloudflare from "cloudflare";
import { getEnv, type ServerEnv } from "@/lib/env";
import { escapeNonAscii } from "@/lib/json/ascii";
import { getSimulator } from "@/lib/simulator";

type Fetch = typeof fetch;

/** Reads are cheap to repeat: one retry on a 5xx, a timeout or a dropped connection. */
export const READ_OPTIONS = { maxRetries: 1 } as const;
/** A move, release, reclassify or bulk-job change is never sent twice by us. */
export const WRITE_OPTIONS = { timeout: 30_000, maxRetries: 0 } as const;

/**
 * The SDK sleeps for whatever Retry-After a 429 names before retrying, which would hold the
 * analyst's request for a minute. We pass the 429 on instead, so the UI can say when to retry.
 */
function withoutRateLimitRetries(inner: Fetch): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.status !== 429) return response;
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** Statuses whose responses cannot carry a body (fetch refuses to build one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * JSON replies reach the SDK with non-ASCII characters escaped, which parses to the same values
 * about 0.6 ms sooner per 50-row search (see escapeNonAscii). The body is read here, inside the
 * SDK's fetch, so the SDK's timeout also covers reading it.
 */
function withAsciiJson(inner: Fetch): Fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
    const isJson = mediaType === "application/json" || mediaType.endsWith("+json");
    if (!isJson || response.body === null || NULL_BODY_STATUSES.has(response.status)) return response;
    const bytes = escapeNonAscii(Buffer.from(await response.arrayBuffer()));
    const headers = new Headers(response.headers);
    // The body is now the escaped text, already decompressed by fetch.
    headers.delete("content-length");
    headers.delete("content-encoding");
    return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
  };
}

/** Demo mode: the SDK's transport is the in-process simulator; everything above it is unchanged. */
const SIMULATOR_BASE_URL = "http://simulator.invalid/client/v4";
const simulatorFetch: Fetch = async (input, init) => {
  const request = new Request(input instanceof Request ? input : String(input), init);
  const response = await getSimulator().handle(request);
  // Behave like a network fetch: once the SDK's timeout aborts the request, there is no response.
  if (request.signal.aborted) throw new DOMException("This operation was aborted", "AbortError");
  return response;
};

/** The placeholder token the SDK sends to the in-process simulator; it is not a secret. */
const SIMULATOR_TOKEN = process.env.SIMULATOR_TOKEN ?? "demo-mode-token";

export interface Upstream {
  client: Cloudflare;
  accountId: string;
}

/** The console's SDK client for a configuration; `npm run doctor` builds its own from the same env. */
export function createUpstream(env: ServerEnv = getEnv()): Upstream {
  const { upstream } = env;
  const common = {
    // Explicit nulls: the SDK would otherwise pick up CLOUDFLARE_API_KEY / CLOUDFLARE_EMAIL from the environment.
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    timeout: env.limits.readTimeoutMs,
    maxRetries: READ_OPTIONS.maxRetries,
    logLevel: "off" as const,
  };
  if (upstream.mode === "cloudflare") {
    return {
      accountId: upstream.accountId,
      client: new Cloudflare({
        ...common,
        apiToken: upstream.apiToken,
        baseURL: upstream.baseURL ?? null,
        fetch: withoutRateLimitRetries(withAsciiJson(fetch)),
      }),
    };
  }
  return {
    accountId: upstream.accountId,
    client: new Cloudflare({
      ...common,
      apiToken: SIMULATOR_TOKEN,
      baseURL: SIMULATOR_BASE_URL,
      fetch: withoutRateLimitRetries(withAsciiJson(simulatorFetch)),
    }),
  };
}

const globalForUpstream = globalThis as unknown as { __triageUpstream?: Upstream };

export function getUpstream(): Upstream {
  globalForUpstream.__triageUpstream ??= createUpstream();
  return globalForUpstream.__triageUpstream;
}
