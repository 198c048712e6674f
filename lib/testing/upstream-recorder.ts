// Test support: a fetch for the console's SDK that sees every request it sends to one upstream and
// the reply it got, and can add a `Prefer` header (how Prism is told which seed or status to use).
// Requests are named by the operation of either description (Investigate, settings).
import { operationFor } from "@/lib/simulator/contract-validator";

export interface Exchange {
  /** The description's operationId for the request, or null when it names no operation. */
  operationId: string | null;
  method: string;
  /** The path without the base URL, e.g. `/accounts/…/email-security/investigate`. */
  path: string;
  query: URLSearchParams;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
  /** Prism's reasons for refusing a request (its `sl-violations` header), when it refused one. */
  violations: string | null;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function recordUpstream(baseURL: string, inner: typeof fetch = globalThis.fetch) {
  const exchanges: Exchange[] = [];
  /** Every exchange since the recorder was made, kept when `take()` empties the other list. */
  const history: Exchange[] = [];
  let prefer: string | undefined;

  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith(`${baseURL}/`)) return inner(request);
    if (prefer) request.headers.set("prefer", prefer);
    const url = new URL(request.url);
    const requestBody = parseJson(request.body ? await request.clone().text() : "");
    const response = await inner(request);
    const exchange: Exchange = {
      operationId: operationFor(request.method, url.pathname)?.operationId ?? null,
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      requestBody,
      status: response.status,
      responseBody: parseJson(await response.clone().text()),
      violations: response.headers.get("sl-violations"),
    };
    exchanges.push(exchange);
    history.push(exchange);
    return response;
  };

  return {
    fetch: recordingFetch,
    /** Runs `call` with every upstream request carrying `Prefer: <preference>` (e.g. `seed=7`). */
    async preferring<T>(preference: string, call: () => Promise<T>): Promise<T> {
      prefer = preference;
      try {
        return await call();
      } finally {
        prefer = undefined;
      }
    },
    /** The exchanges since the last call, oldest first. */
    take(): Exchange[] {
      return exchanges.splice(0, exchanges.length);
    },
    /** Every exchange this recorder has seen, oldest first (what a suite sent, for checks over all of it). */
    all(): Exchange[] {
      return history.slice();
    },
  };
}

export type UpstreamRecorder = ReturnType<typeof recordUpstream>;
