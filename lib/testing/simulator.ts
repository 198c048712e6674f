import { afterEach, beforeAll, beforeEach } from "vitest";
import { getSimulator, type SimulatorFixtures } from "@/lib/simulator";

/**
 * Route tests in demo mode: no token, so every route talks to the in-process simulator through the
 * real SDK, and no read cache, so every call reaches it. Fresh data for the file; no faults or
 * call history carried from one test to the next. Call at the top of a test file.
 */
export function useDemoSimulator() {
  delete process.env.CLOUDFLARE_API_TOKEN;
  delete process.env.CLOUDFLARE_ACCOUNT_ID;
  process.env.READ_CACHE_MS = "0";
  const sim = getSimulator();
  const fx = {} as SimulatorFixtures;
  beforeAll(() => {
    sim.reset();
    Object.assign(fx, sim.fixtures());
  });
  beforeEach(() => {
    sim.clearFaults();
    sim.clearCalls();
  });
  afterEach(() => sim.clearFaults());
  return { sim, fx };
}
