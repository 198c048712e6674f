import type Redis from "ioredis";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { connectRedis } from "@/lib/rate-state";
import { freePortForTests, startRedis } from "./backends";

/**
 * A redis-server of the test file's own (a test may stop and restart it, which a shared
 * TEST_REDIS_URL would not allow), and ready connections to it: one per console instance a test
 * stands for. Everything is closed when the file ends. Call at the top of a test file.
 */
export function useOwnRedis() {
  let server: Awaited<ReturnType<typeof startRedis>> | undefined;
  const connections: Redis[] = [];
  beforeAll(async () => {
    server = await startRedis(await freePortForTests());
  }, 30_000);
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await server?.stop();
  });
  return {
    server: () => server!,
    /** A new connection, as the console makes it (connectRedis), once it is ready. */
    async connection(): Promise<Redis> {
      const redis = connectRedis(server!.url);
      connections.push(redis);
      await vi.waitFor(() => expect(redis.status).toBe("ready"), { timeout: 5000 });
      return redis;
    },
  };
}
