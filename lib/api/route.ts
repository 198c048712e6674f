import "server-only";
import { z } from "zod";
import type { AuditStart } from "@/lib/audit/store";
import { clearSessionCookies, hasSessionCookie } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { readsPaidBy, withPrepaidReads } from "@/lib/read-budget";
import { strictTransportSecurity } from "@/lib/security-headers";
import { noQuerySchema } from "@/lib/schemas/bodies";
import { authorize, type Caller, type Permission } from "./access";
import { auditedCall } from "./audit";
import { spendUserRequest } from "./user-budget";
import { DEFAULT_MAX_BODY_BYTES, parseWith, queryToRecord, readJsonBody } from "./parse";
import { errorResponse, json } from "./respond";

/** Where a request's time went, for `npm run bench` (TRIAGE_SERVER_TIMING=1): `auth;dur=0.41, …`. */
class PhaseTimer {
  private last = performance.now();
  private readonly phases: string[] = [];
  lap(name: string): void {
    const now = performance.now();
    this.phases.push(`${name};dur=${(now - this.last).toFixed(3)}`);
    this.last = now;
  }
  header(): string {
    return this.phases.join(", ");
  }
}

type AnySchema = z.ZodType;
type Out<S> = S extends AnySchema ? z.output<S> : undefined;

interface RouteSpec<P, Q, B> {
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  maxBodyBytes?: number;
  /**
   * Upstream reads one request may make, when more than one (a count paging the search, an
   * evidence pack): all are taken from the caller's share and the account's budget before the
   * handler starts, or the request is refused with 429 and a wait.
   */
  upstreamReads?: (input: { params: Out<P>; query: Out<Q>; body: Out<B> }) => number;
  /** State-changing routes describe themselves for the audit trail. */
  audit?: (input: { params: Out<P>; body: Out<B> }) => Omit<AuditStart, "email" | "role" | "ip" | "userAgent">;
}

export interface RouteInput<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  caller: Caller;
  request: Request;
}

/** What a handler returns: the JSON body (`{ result, result_info? }`) and, rarely, a status. */
export interface RouteReply {
  body: unknown;
  /** The body is already text (e.g. CSV) or a byte stream (a .zip), not JSON. */
  raw?: boolean;
  status?: number;
  headers?: Record<string, string>;
  /** `Set-Cookie` values (several are allowed, unlike a header record). */
  setCookies?: string[];
}

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * The one wrapper every API route goes through: permission, then path, query and body parsed
 * with zod, and only then the handler. Nothing reaches Cloudflare before all of it has passed.
 */
export function defineRoute<
  P extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  B extends AnySchema | undefined = undefined,
>(spec: RouteSpec<P, Q, B>, handler: (input: RouteInput<P, Q, B>) => Promise<RouteReply>) {
  return async function route(request: Request, context: NextContext): Promise<Response> {
    const timing = getEnv().serverTiming ? new PhaseTimer() : null;
    try {
      const caller = await authorize(request, spec.permission);
      timing?.lap("auth");
      await spendUserRequest(caller.email, request.method);
      timing?.lap("budget");
      const rawParams = (await context?.params) ?? {};
      const params = (spec.params ? parseWith(spec.params, rawParams, "path") : undefined) as Out<P>;
      const query = parseWith(
        spec.query ?? noQuerySchema,
        queryToRecord(new URL(request.url).searchParams),
        "query",
      ) as Out<Q>;
      const body = (
        spec.body
          ? parseWith(spec.body, await readJsonBody(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), "body")
          : undefined
      ) as Out<B>;
      const input = { params, query, body, caller, request };
      timing?.lap("parse");
      const run = () =>
        spec.audit
          ? auditedCall({ ...spec.audit({ params, body }), email: caller.email, role: caller.role, ip: caller.ip, userAgent: caller.userAgent }, () => handler(input))
          : handler(input);
      const reads = spec.upstreamReads?.({ params, query, body }) ?? 0;
      const reply = await readsPaidBy(caller.email, () => (reads > 1 ? withPrepaidReads(getEnv().upstream.accountId, reads, run) : run()));
      timing?.lap("handler");
      const response = reply.raw
        ? new Response(reply.body instanceof ReadableStream ? reply.body : String(reply.body), { status: reply.status ?? 200, headers: { "cache-control": "no-store", ...reply.headers } })
        : json(reply.body, { status: reply.status, headers: reply.headers });
      for (const cookie of reply.setCookies ?? []) response.headers.append("set-cookie", cookie);
      timing?.lap("serialize");
      if (timing) response.headers.set("server-timing", timing.header());
      return withTransportSecurity(response);
    } catch (err) {
      const response = errorResponse(err);
      // A cookie that signs nobody in (revoked, expired, damaged) is dropped, not sent again and again.
      if (response.status === 401 && hasSessionCookie(request)) {
        for (const cookie of clearSessionCookies(request)) response.headers.append("set-cookie", cookie);
      }
      return withTransportSecurity(response);
    }
  };
}

/**
 * proxy.ts does not run for these routes (it is the hot path, and a proxy pass cost about 1 ms a
 * request), so the wrapper adds the one header proxy.ts adds that an API reply needs.
 */
function withTransportSecurity(response: Response): Response {
  const hsts = strictTransportSecurity(getEnv().auth.url);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const ok = (result: unknown, extra: Record<string, unknown> = {}): RouteReply => ({
  body: { result, ...extra },
});
