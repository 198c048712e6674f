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

/**
 * A quarantined message the release policy lets an analyst release at once (not MALICIOUS or
 * MALICIOUS-BEC), not among `except`: tests about releasing itself, not about the policy.
 */
export async function quarantinedCleanId(except: readonly string[] = []): Promise<string> {
  const { listMessages } = await import("@/lib/cloudflare");
  const page = await listMessages({ start: "2026-01-01T00:00:00Z", delivery_status: "quarantined", final_disposition: "SPAM", per_page: 100 });
  const id = page.result.map((m) => m.id).find((candidate) => !except.includes(candidate));
  if (!id) throw new Error("the simulator has no quarantined SPAM message left");
  return id;
}
