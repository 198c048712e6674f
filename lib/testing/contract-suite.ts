// What the Prism contract suites (Investigate, and settings/submissions/PhishGuard) share: the
// shape of one operation's case, how a request that reached Prism is described for a replay, and
// the check that every query key the console sends is one the operation declares.
import { queryParameters, SDK_ONLY_QUERY_PARAMETERS } from "./description";
import type { callRoute } from "./routes";
import type { Exchange } from "./upstream-recorder";

export type Json = Record<string, any>;
export type RouteResult = Awaited<ReturnType<typeof callRoute>>;

/** One operation's case: the console's route call, its status when Cloudflare accepts, and what the UI does with the reply. */
export interface ContractOperation {
  operationId: string;
  call: () => Promise<RouteResult>;
  /** The route's status when Cloudflare accepts the request. */
  status: number;
  /** What the console's UI does with the route's JSON, given what Cloudflare sent. */
  consume: (route: Json, sent: Json) => void;
}

/** A request as Prism saw it and what it answered, for a failure message that replays exactly. */
export function describeExchange(e: Exchange | undefined): string {
  if (!e) return "no request reached Prism";
  const sentBody = e.requestBody === undefined ? "" : ` ${JSON.stringify(e.requestBody)}`;
  return `${e.method} ${e.path}?${e.query}${sentBody} → ${e.status}${e.violations ? ` refused: ${e.violations}` : ""}\n${(JSON.stringify(e.responseBody) ?? "").slice(0, 3000)}`;
}

/**
 * Query keys neither the description nor the SDK has for the operation: Cloudflare ignores them,
 * so a filter would look active and do nothing.
 */
export function undeclaredQueryKeys(e: Exchange, description?: Parameters<typeof queryParameters>[1]): string[] {
  const known = [...queryParameters(e.operationId ?? "", description), ...(SDK_ONLY_QUERY_PARAMETERS[e.operationId ?? ""] ?? [])];
  return [...new Set(e.query.keys())].filter((key) => !known.includes(key));
}
