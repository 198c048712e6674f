import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E, E2E_WORKERS, STACKS, STORAGE_STATE } from "./e2e/env";

// Debian's Chromium: `npx playwright install` cannot download browsers on these machines.
const chromium = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

export default defineConfig({
  testDir: "./e2e",
  // One worker per stack (e2e/env.ts): files run in parallel, each worker on its own simulator
  // and console, and the journeys inside a file stay in order.
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E.consoleUrl,
    // Not the server's zone (UTC on CI and here): a page whose server render and hydration write
    // times differently fails to hydrate, and the console-error guard (e2e/fixtures.ts) sees it.
    timezoneId: "Europe/Paris",
    // Recording a trace costs about a quarter of a journey's time even when it is thrown away, so
    // CI keeps only the error context and page snapshot of a failure; locally a failure keeps its trace.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Signs in once per role through the real sign-in page and keeps the cookies for the journeys.
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "journeys",
      testIgnore: /auth\.setup\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: STORAGE_STATE.admin },
    },
  ],
  // The runner starts every stack. This file is loaded again in each worker, where E2E and
  // STORAGE_STATE above name that worker's own stack.
  webServer: STACKS.flatMap((stack) => [
    {
      command: `npx tsx lib/simulator/standalone.ts --port ${stack.simulatorPort}`,
      url: `${stack.simulatorUrl}/__simulator/fixtures`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The log goes to a file the secret-leak journey reads.
      command: `mkdir -p data && npx next start -H 127.0.0.1 -p ${stack.consolePort} > ${stack.serverLog} 2>&1`,
      url: `${stack.consoleUrl}/signin`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: stack.serverEnv,
    },
  ]),
});
