import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const ACCOUNT = "0123456789abcdef0123456789abcdef";

/**
 * Runs the real start-up check in its own process, as `next start` would, with exactly this
 * environment (none of vitest's, which chooses demo mode). `react-server` lets `server-only` load.
 */
function startWith(env: Record<string, string> & { NODE_ENV: "production" }) {
  const { PATH, HOME } = process.env;
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "-e", 'require("./lib/startup.ts").checkConfigurationAtStartup()'],
    { env: { PATH, HOME, ...env }, encoding: "utf8", timeout: 60_000 },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("start-up", () => {
  it("stops a production server with no configuration, naming what is missing", () => {
    const { code, output } = startWith({ NODE_ENV: "production" });
    expect(code).toBe(1);
    for (const missing of ["CLOUDFLARE_API_TOKEN is missing", "NEXTAUTH_SECRET is missing", "No way to sign in"]) {
      expect(output).toContain(missing);
    }
    expect(output).toContain("TRIAGE_DEMO=1");
    expect(output).not.toContain("demo accounts");
  });

  it("stops on a local account whose scrypt key is empty, naming the variable", () => {
    const { code, output } = startWith({
      NODE_ENV: "production",
      CLOUDFLARE_API_TOKEN: "fake-token-for-tests",
      CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
      NEXTAUTH_SECRET: "fake-nextauth-secret-for-tests-0000000000",
      CONSOLE_LOCAL_USERS: "a@x.test:admin:scrypt$AAAA$=",
    });
    expect(code).toBe(1);
    expect(output).toContain("CONSOLE_LOCAL_USERS");
    expect(output).toMatch(/scrypt (salt|key) is \d+ bytes/);
    expect(output).not.toContain("fake-token-for-tests");
  });

  it("starts demo mode only when asked, on its own database", () => {
    const { code, output } = startWith({ NODE_ENV: "production", TRIAGE_DEMO: "1" });
    expect(code).toBe(0);
    expect(output).toContain("demo accounts");
    expect(output).toContain("data/demo.db");
  });
});
