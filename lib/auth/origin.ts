/**
 * A state-changing request must come from the console's own pages. SameSite=Lax already keeps
 * the cookie off most cross-site POSTs; this refuses the rest (and same-site subdomains).
 */
export function isSameOriginRequest(request: Request, ownOrigins: ReadonlySet<string>): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return ownOrigins.has(origin);
}

/** The names every machine gives itself: a page at any of them, on our port, is one of ours. */
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"] as const;

export interface OriginSources {
  /** NEXTAUTH_URL: the public address a deployment is reached at. */
  configuredUrl?: string;
  /** The port the server listens on (Next.js writes it to PORT once it listens). */
  port?: string;
  /** The address Next.js printed ("http://127.0.0.1:3000"); its host may be a LAN name. */
  serverUrl?: string;
}

/**
 * The console's own origins, from its configuration and the address it binds.
 *
 * With NEXTAUTH_URL, that origin alone: a deployment has one public address, and a proxy in front
 * may not pass the port it was reached at. Without it (the README's `npm run dev`, a local
 * `next start`), the browser may have typed any name the machine answers to for itself: Next.js
 * prints 127.0.0.1 while reporting `request.url` as localhost, so comparing with `request.url`
 * refused every change made at the printed address. Every loopback name on the bound port is
 * this very server; another port or host is still another site.
 *
 * Null when nothing says where the console is (no configuration, no port yet): the caller then
 * compares with the request's own URL, as a test's hand-made request expects.
 */
export function ownOrigins({ configuredUrl, port, serverUrl }: OriginSources): ReadonlySet<string> | null {
  if (configuredUrl) return new Set([new URL(configuredUrl).origin]);
  const origins = new Set<string>();
  if (serverUrl && URL.canParse(serverUrl)) origins.add(new URL(serverUrl).origin);
  const servedPort = port && /^\d{1,5}$/.test(port) ? port : serverUrl && URL.canParse(serverUrl) ? new URL(serverUrl).port : "";
  if (servedPort) {
    const protocol = serverUrl?.startsWith("https:") ? "https" : "http";
    for (const host of LOOPBACK_HOSTS) origins.add(new URL(`${protocol}://${host}:${servedPort}`).origin);
  }
  return origins.size > 0 ? origins : null;
}
