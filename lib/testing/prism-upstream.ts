// Test support: the console configured as for a real Cloudflare account, with Prism as "Cloudflare".
import { configureNonDemoEnv } from "./configured-env";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { getEnv } from "@/lib/env";
import { startPrism, type Prism } from "./prism";
import { recordUpstream, type Exchange, type UpstreamRecorder } from "./upstream-recorder";

/** Obviously fake: Prism checks that a bearer token is sent, not which one. */
export const PRISM_TOKEN = "fake-prism-token-0000";
export const PRISM_ACCOUNT_ID = "0000000000000000000000000000a11c";

/**
 * Call at the top of a test file (vitest gives each file its own environment). The console reads
 * its configuration once (`getEnv()`) and builds its SDK client once, both on the first request,
 * so everything is set before any test calls a route: the token and account now, the base URL
 * once Prism has a port. The SDK's transport is the global fetch, wrapped to record each exchange.
 */
export function usePrismUpstream(options: { seed: string; description?: object }) {
  process.env.CLOUDFLARE_API_TOKEN = PRISM_TOKEN;
  process.env.CLOUDFLARE_ACCOUNT_ID = PRISM_ACCOUNT_ID;
  process.env.NEXTAUTH_SECRET = "fake-prism-session-secret-0000000000000";
  configureNonDemoEnv({ email: "admin@tests.test", role: "admin", password: "fake-password" });
  // Every call must reach Prism: nothing answered from the console's read cache.
  process.env.READ_CACHE_MS = "0";
  // Every operation is sent many times over; the per-user budgets would pace the suite itself.
  process.env.USER_WRITE_BUDGET = "100000";
  process.env.USER_READ_BUDGET = "100000";

  let prism: Prism | undefined;
  const handle = {} as { recorder: UpstreamRecorder; prism: Prism };

  beforeAll(async () => {
    prism = await startPrism(options);
    process.env.CLOUDFLARE_BASE_URL = prism.baseURL;
    handle.prism = prism;
    handle.recorder = recordUpstream(prism.baseURL);
    vi.stubGlobal("fetch", handle.recorder.fetch);
    // If something had read the configuration earlier, the console would be talking elsewhere.
    expect(getEnv().upstream).toMatchObject({ mode: "cloudflare", baseURL: prism.baseURL });
  }, 60_000);

  afterAll(async () => {
    vi.unstubAllGlobals();
    await prism?.stop();
  });

  return handle;
}

/**
 * Prism refused a request the console sent (422, with its reasons in `sl-violations`). The analyst
 * must see a 4xx that says which operation Cloudflare refused and what it said, not a bare
 * "rejected" nor a 5xx.
 */
export function expectRefusalShown(route: { status: number; text: string; json: Record<string, any> }, refused: Exchange, operationName: RegExp) {
  const replay = `Prism: ${refused.status} ${refused.violations ?? ""} ${JSON.stringify(refused.responseBody)}\nconsole answered ${route.status}: ${route.text}`;
  expect(refused.status, replay).toBe(422);
  expect(refused.violations, replay).toBeTruthy();
  const cloudflareMessage = (refused.responseBody as { errors?: { message?: string }[] }).errors?.[0]?.message;
  expect(cloudflareMessage, `the seed should give a refusal with a message; ${replay}`).toEqual(expect.any(String));
  expect(route.status, replay).toBeGreaterThanOrEqual(400);
  expect(route.status, replay).toBeLessThan(500);
  expect(route.json?.error?.message, replay).toMatch(operationName);
  expect(route.json?.error?.message, replay).toContain(cloudflareMessage);
}
