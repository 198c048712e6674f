import { afterEach, describe, expect, it, vi } from "vitest";
import { getSimulator } from "./index";

const KEY = Symbol.for("triage.simulator");

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEY];
  vi.unstubAllEnvs();
});

describe("getSimulator", () => {
  it("is a process-wide singleton kept on globalThis", () => {
    const a = getSimulator();
    expect(getSimulator()).toBe(a);
    expect((globalThis as Record<symbol, unknown>)[KEY]).toBe(a);
  });

  it("reads SIMULATOR_TOKEN", async () => {
    vi.stubEnv("SIMULATOR_TOKEN", "from-env");
    const sim = getSimulator();
    const url = "http://x/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/email-security/investigate?per_page=1";
    expect((await sim.handle(url, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
    expect((await sim.handle(url, { headers: { authorization: "Bearer from-env" } })).status).toBe(200);
  });

  it("leaves variance mode off unless SIMULATOR_VARIANCE_SEED is set", () => {
    expect(getSimulator().variance()).toBeNull();
    delete (globalThis as Record<symbol, unknown>)[KEY];
    vi.stubEnv("SIMULATOR_VARIANCE_SEED", "7");
    expect(getSimulator().variance()).toEqual({ seed: 7 });
  });
});
