// `npm run doctor` as an operator runs it: the package.json script, the environment the server
// reads, the exit codes the README documents, and never the token on the screen.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password-hashes";
import { createSimulator } from "@/lib/simulator";
import { startSimulatorServer, type RunningServer } from "@/lib/simulator/http-server";
import { FAKE_ACCOUNT_ID, FAKE_TOKEN } from "./test-helpers";

const sim = createSimulator({ seed: 9, messageCount: 200, token: FAKE_TOKEN });
let server: RunningServer;
let serverEnv: Record<string, string>;

beforeAll(async () => {
  server = await startSimulatorServer(sim, { port: 0 });
  serverEnv = {
    TRIAGE_DEMO: "0",
    CLOUDFLARE_API_TOKEN: FAKE_TOKEN,
    CLOUDFLARE_ACCOUNT_ID: FAKE_ACCOUNT_ID,
    CLOUDFLARE_BASE_URL: server.baseUrl,
    NEXTAUTH_SECRET: "fake-doctor-session-secret-000000000000",
    CONSOLE_LOCAL_USERS: `ops@tests.test:admin:${await hashPassword("fake-password")}`,
  };
});
afterAll(() => server.close());

function doctor(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Only what a shell would have, plus the server's variables: nothing from vitest's own set-up.
    const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production" as const };
    const child = spawn("npm", ["run", "-s", "doctor", "--", ...args], { env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run doctor (the command)", () => {
  it("exit 0 and a JSON report when every read is answered", async () => {
    sim.clearFaults();
    const run = await doctor(["--json"], serverEnv);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { exitCode: number; reads: number; results: { verdict: string }[] };
    expect(report.exitCode).toBe(0);
    expect(report.reads).toBeLessThanOrEqual(15);
    expect(run.stdout + run.stderr).not.toContain(FAKE_TOKEN);
  }, 60_000);

  it("exit 1 and the table when Cloudflare refuses a read", async () => {
    sim.setFaults([{ match: "/submissions", status: 403 }]);
    const run = await doctor([], serverEnv);
    sim.clearFaults();
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/Submissions\s+GET \/submissions\s+403 .*refused: the token lacks "Cloud Email Security: Read"/);
    expect(run.stdout + run.stderr).not.toContain(FAKE_TOKEN);
  }, 60_000);

  it("exit 2, sending nothing, on a configuration the server would refuse or a bad option", async () => {
    sim.clearCalls();
    const { CLOUDFLARE_ACCOUNT_ID: _dropped, ...withoutAccount } = serverEnv;
    const config = await doctor([], withoutAccount);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain("CLOUDFLARE_ACCOUNT_ID is missing");
    expect(config.stdout).toBe("");
    const option = await doctor(["--message", "../etc"], serverEnv);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("--message");
    expect(sim.calls()).toEqual([]);
    expect(config.stderr + option.stderr).not.toContain(FAKE_TOKEN);
  }, 60_000);
});
