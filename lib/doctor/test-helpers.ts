// Test support for the doctor: the server's configuration for an upstream on loopback, parsed by
// the same parseEnv the server and `npm run doctor` use, and the doctor run against it in process.
import { hashPassword } from "@/lib/auth/password-hashes";
import { createUpstream } from "@/lib/cloudflare/client";
import { parseEnv } from "@/lib/env";
import { runDoctor, type DoctorOptions, type DoctorReport } from "./run";

/** Obviously fake values; they only ever meet a simulator or Prism on loopback. */
export const FAKE_TOKEN = "fake-doctor-token-0123456789";
export const FAKE_ACCOUNT_ID = "0000000000000000000000000000d0c7";

export async function doctorAgainst(
  baseURL: string,
  options: Partial<Omit<DoctorOptions, "upstream" | "mode">> & { readTimeoutMs?: number } = {},
): Promise<DoctorReport> {
  const env = parseEnv({
    TRIAGE_DEMO: "0",
    CLOUDFLARE_API_TOKEN: FAKE_TOKEN,
    CLOUDFLARE_ACCOUNT_ID: FAKE_ACCOUNT_ID,
    CLOUDFLARE_BASE_URL: baseURL,
    NEXTAUTH_SECRET: "fake-doctor-session-secret-000000000000",
    CONSOLE_LOCAL_USERS: `ops@tests.test:admin:${await hashPassword("fake-password")}`,
    UPSTREAM_READ_TIMEOUT_MS: String(options.readTimeoutMs ?? 5_000),
  });
  return runDoctor({ upstream: createUpstream(env), mode: env.upstream.mode, readTimeoutMs: env.limits.readTimeoutMs, ...options });
}

export function byId(report: DoctorReport) {
  return Object.fromEntries(report.results.map((r) => [r.id, r]));
}
