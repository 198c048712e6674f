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
