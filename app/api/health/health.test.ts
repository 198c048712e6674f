import { describe, expect, it, vi } from "vitest";
import { GET as live } from "./route";
import { GET as ready } from "./ready/route";

delete process.env.CLOUDFLARE_API_TOKEN;

const state = vi.hoisted(() => ({ redisUp: true }));
vi.mock("@/lib/rate-state", async (original) => ({
  ...(await original<typeof import("@/lib/rate-state")>()),
  rateStateReady: async () => state.redisUp,
}));

describe("health endpoints", () => {
  it("answers liveness without a session, revealing nothing", async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("is ready when the database (and Redis) answer, and says 503 otherwise without saying why", async () => {
    const up = await ready();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ready" });

    state.redisUp = false;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const down = await ready();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/not ready: Redis unreachable/));
    errors.mockRestore();
  });
});
