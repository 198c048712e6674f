import Redis from "ioredis";
import { startRedis, freePortForTests } from "../lib/testing/backends";
import { variance } from "./contract-variance";
import { E2E, USERS } from "./env";
import { expect, simulator, test } from "./fixtures";
import { signedInApi, startOwnConsole, type OwnConsole } from "./own-console";

// Instances keep where to poll a running search in Redis. Whoever can write that Redis (a
// neighbouring service on a shared one, a Redis left open) plants a target with `../` in it; the
// next poll by anyone, a viewer here, would carry the console's Cloudflare token to another API
// path. A target read back is checked exactly as a fresh `Location` is, and dropped.

let own: OwnConsole | undefined;
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;

test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  redis = await startRedis(await freePortForTests());
  own = await startOwnConsole({ REDIS_URL: redis.url, READ_CACHE_MS: "0" });
});

test.afterAll(async () => {
  own?.stop();
  await redis?.stop();
});

test("a poll target planted in Redis with ../ in it is not followed", async () => {
  const viewer = await signedInApi(own!.url, USERS.viewer);
  const store = new Redis(redis!.url);
  // Cloudflare answers this search 202 with a Location: the console keeps it in Redis.
  await variance.force(["searchLocation"]);
  try {
    const search = "/api/email-security/investigate?detections_only=false&per_page=25&subject=a";
    expect((await viewer.get(search)).status()).toBe(202);
    const keys = await store.keys("triage:polls:*");
    expect(keys.length).toBeGreaterThan(0);
    const hostile = JSON.stringify({ path: `/accounts/${E2E.accountId}/email-security/../../../user/tokens`, query: {} });
    for (const key of keys) await store.set(key, hostile, "PX", 600_000);

    await simulator.clearCalls();
    const next = await viewer.get(search);
    const paths = (await simulator.calls()).map((c) => c.path);
    expect(paths.filter((p) => p.includes("user/tokens")), "the token went to another API path").toEqual([]);
    expect([200, 202]).toContain(next.status());
    // It started the search again instead, at the search's own path.
    expect(paths.some((p) => /\/email-security\/investigate$/.test(p))).toBe(true);
  } finally {
    await variance.clear();
    store.disconnect();
    await viewer.dispose();
  }
});
