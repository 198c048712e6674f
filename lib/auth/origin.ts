/**
 * A state-changing request must come from the console's own pages. SameSite=Lax already keeps
 * the cookie off most cross-site POSTs; this refuses the rest (and same-site subdomains).
 */
export function isSameOriginRequest(request: Request, consoleUrl?: string): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const expected = new URL(consoleUrl ?? request.url).origin;
  return origin === expected;
}
