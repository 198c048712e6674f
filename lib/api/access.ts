import "server-only";
import { consoleOrigins } from "@/lib/auth/console-origin";
import { isSameOriginRequest } from "@/lib/auth/origin";
import { ROLE_FOR, can, type Permission, type Role } from "@/lib/auth/roles";
import { getAuditStore } from "@/lib/audit/store";
import { getRequestUser } from "@/lib/auth/session";
import { forwardedClientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type { Permission };

export interface Caller {
  email: string;
  role: Role;
  ip: string | null;
  userAgent: string | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Who is asking, and may they? 401 is "who are you", 403 is "you may not". */
export async function authorize(request: Request, permission: Permission): Promise<Caller> {
  const user = await getRequestUser(request);
  if (!user) throw new AppError("unauthorized", "Sign in to use the console.");
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request, consoleOrigins() ?? new Set([new URL(request.url).origin]))) {
    throw new AppError("forbidden", "Refused: changes must be made from the console's own pages (cross-site request).");
  }
  if (!can(user.role, permission)) {
    // A refusal is evidence too: someone tried something their role does not allow.
    await (await getAuditStore()).record({
      email: user.email,
      role: user.role,
      operation: "forbidden",
      params: { method: request.method, route: new URL(request.url).pathname.slice(0, 300), missing_role: ROLE_FOR[permission] },
      ip: clientAddress(request),
      userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
      outcome: "failed",
      status: 403,
    });
    throw new AppError(
      "forbidden",
      `This needs the ${ROLE_FOR[permission]} role; ${user.email} has the ${user.role} role.`,
    );
  }
  return { ...user, ip: clientAddress(request), userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null };
}

/**
 * Where the request came from, as the trusted proxies in front of the console report it
 * (TRUSTED_PROXY_HOPS); null when none is trusted, rather than recording what a client claimed.
 */
export function clientAddress(request: Request): string | null {
  return forwardedClientAddress(request.headers.get("x-forwarded-for"), getEnv().trustedProxyHops);
}
