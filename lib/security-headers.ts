/**
 * Headers every response carries. Mail content is attacker-written, so the page is locked down
 * as if a payload might one day slip through rendering: scripts only with this response's nonce,
 * no framing, no plugins, no sniffing.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * HSTS when the console's public URL (NEXTAUTH_URL) is https: two years, subdomains included. Not
 * on http, where browsers ignore it and where it would only pin a mistake. Decided at run time
 * (in proxy.ts), because next.config's headers are fixed when the app is built.
 */
export function strictTransportSecurity(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; dev needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Previews are data: PNGs; downloads are blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
