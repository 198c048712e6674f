import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getSimulator } from "@/lib/simulator";

delete process.env.CLOUDFLARE_API_TOKEN;
process.env.READ_CACHE_MS = "60000";
process.env.READ_CACHE_MAX_BYTES = "100000";
process.env.UPSTREAM_READ_BUDGET = "100000";

const { getDetections, getMessage, getPreview, getRaw, getTrace, listMessages } = await import("./index");
const { getReadThrough } = await import("./read-through");
const sim = getSimulator();
const upstreamCalls = (path: string) => sim.calls().filter((c) => c.method === "GET" && c.path.endsWith(path));

beforeEach(() => {
  getReadThrough().sweep(Number.POSITIVE_INFINITY);
  sim.clearCalls();
});
afterEach(() => vi.useRealTimers());

describe("the read cache's memory", () => {
  it("stays within READ_CACHE_MAX_BYTES after opening many messages, every tab", async () => {
    const page = await listMessages({ per_page: 60 });
    let largest = 0;
    for (const message of page.result) {
      await Promise.all([getMessage(message.id), getDetections(message.id), getTrace(message.id)]);
      await Promise.allSettled([getRaw(message.id), getPreview(message.id)]);
      const { bytes } = getReadThrough().usage();
      largest = Math.max(largest, bytes);
      expect(bytes).toBeLessThanOrEqual(100_000);
    }
    expect(page.result.length).toBe(60);
    // It did cache (the bound was reached), and dropped the oldest to stay under it.
    expect(largest).toBeGreaterThan(50_000);
  });

  it("never keeps a raw message or a screenshot", async () => {
    const { hugeId, hostileId } = sim.fixtures();
    await getRaw(hugeId);
    await getRaw(hugeId);
    await getPreview(hostileId);
    await getPreview(hostileId);
    expect(upstreamCalls("/raw")).toHaveLength(2);
    expect(upstreamCalls("/preview")).toHaveLength(2);
    expect(getReadThrough().usage()).toEqual({ entries: 0, bytes: 0 });
  });

  it("still shares one upstream request among concurrent raw downloads", async () => {
    const { hugeId } = sim.fixtures();
    await Promise.all([getRaw(hugeId), getRaw(hugeId), getRaw(hugeId)]);
    expect(upstreamCalls("/raw")).toHaveLength(1);
  });

  it("drops expired answers on its own, without further reads", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    await getTrace(sim.fixtures().deliveredId);
    expect(getReadThrough().usage().entries).toBe(1);
    vi.advanceTimersByTime(120_000);
    expect(getReadThrough().usage()).toEqual({ entries: 0, bytes: 0 });
  });
});
