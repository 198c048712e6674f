import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build directory lets a second build run beside the first (e.g. parallel e2e runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  // One copy of the SDK for pages and route handlers alike: the upstream client is cached on
  // globalThis, and a bundled copy per layer would make `instanceof APIError` fail in the layer
  // that did not create it (a 404 from Cloudflare then surfaced as a 502 "could not read"). The
  // database and Redis clients hold pools on globalThis for the same reason.
  serverExternalPackages: ["cloudflare", "kysely", "ioredis", "rate-limiter-flexible"],
  // `npm test` type-checks the whole project once (`tsc --noEmit`) before building; checking again
  // inside the build would only double the time on CI's two cores.
  typescript: { ignoreBuildErrors: true },
  // The Content-Security-Policy, which needs a fresh nonce per response, is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
