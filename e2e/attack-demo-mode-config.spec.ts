import { spawn } from "node:child_process";
import { freePortForTests } from "../lib/testing/backends";
import { expect, test } from "./fixtures";

// Demo mode signs anyone in with public passwords (`demo`). Started by mistake against a
// deployment's shared stores, those accounts would write to its PostgreSQL database (sessions,
// audit) and spend its Redis budgets. The server refuses to start and names what to change.

const CASES = [
  ["a PostgreSQL DATABASE_URL", { DATABASE_URL: "postgres://triage:fake-password@127.0.0.1:1/triage" }, /DATABASE_URL: demo mode keeps its own SQLite file/],
  ["a REDIS_URL", { REDIS_URL: "redis://127.0.0.1:1/0" }, /REDIS_URL is set, but TRIAGE_DEMO=1/],
] as const;

for (const [name, env, message] of CASES) {
  test(`demo mode with ${name} does not start`, async () => {
    test.setTimeout(120_000);
    const port = await freePortForTests();
    const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
      env: {
        ...process.env,
        // Nothing but demo mode and the variable under test.
        CLOUDFLARE_API_TOKEN: "",
        CLOUDFLARE_ACCOUNT_ID: "",
        CONSOLE_LOCAL_USERS: "",
        OIDC_ISSUER: "",
        TRIAGE_DEMO: "1",
        DATABASE_URL: "",
        REDIS_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      // Either it stops with the reason, or it comes up (and would serve the demo accounts).
      const outcome = await Promise.race([
        exited.then((code) => ({ exited: code })),
        expect
          .poll(async () => (await fetch(`http://127.0.0.1:${port}/signin`).catch(() => null))?.status, { timeout: 90_000, intervals: [500] })
          .toBe(200)
          .then(() => ({ served: true })),
      ]);
      expect(outcome).toEqual({ exited: expect.any(Number) });
      expect(output).toMatch(message);
      expect((outcome as { exited: number }).exited).not.toBe(0);
    } finally {
      // Started here: ended here, by its own process group id.
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    }
  });
}
