import { consoleOrigins } from "./auth/console-origin";
import { getEnv, type ServerEnv } from "./env";

/** A bad configuration stops start-up with a message naming the variable; a good one is announced. */
export function checkConfigurationAtStartup(): void {
  let env: ServerEnv;
  try {
    env = getEnv();
  } catch (err) {
    // Next.js would log this and serve anyway, failing every request; stop instead.
    console.error(`[triage] ${err instanceof Error ? err.message : String(err)}\n[triage] not starting.`);
    process.exit(1);
  }
  const { upstream, auth } = env;
  consoleOrigins();
  console.log(
    upstream.mode === "cloudflare"
      ? `[triage] upstream: Cloudflare account ${upstream.accountId}${upstream.baseURL ? ` via ${upstream.baseURL}` : ""}`
      : "[triage] upstream: built-in simulator (demo mode: TRIAGE_DEMO=1)",
  );
  if (auth.demo) {
    console.log(
      `[triage] demo accounts: viewer@demo.test, analyst@demo.test, admin@demo.test (password: demo); database ${env.database.engine === "sqlite" ? env.database.path : "PostgreSQL"}; sessions end when the server restarts`,
    );
  }
}

/**
 * Opens the database (running its migrations, under a lock shared with any instance starting at
 * the same time) and the Redis connection at start, so the first request does not pay for them
 * and readiness turns green as soon as they answer. A database that is down is reported, not
 * fatal: readiness says 503 and the next request tries again.
 */
export async function openStateAtStartup(): Promise<void> {
  const env = getEnv();
  const { getDb } = await import("./db");
  const { getRedis } = await import("./rate-state");
  getRedis();
  const where = env.database.engine === "sqlite" ? `SQLite ${env.database.path}` : "PostgreSQL";
  try {
    await getDb();
    console.log(`[triage] database: ${where}, migrated; shared rate state: ${env.redisUrl ? "Redis" : "in process (one instance)"}`);
  } catch (err) {
    console.error(`[triage] database (${where}) not available yet: ${err instanceof Error ? err.message : String(err)}`);
  }
}
