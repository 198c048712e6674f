import { beforeEach, describe, expect, it } from "vitest";
import { getSimulator } from "@/lib/simulator";

delete process.env.CLOUDFLARE_API_TOKEN;
process.env.READ_CACHE_MS = "60000";
process.env.UPSTREAM_READ_BUDGET = "40";

const { getMessage, listMessages, moveMessage } = await import("./index");
const sim = getSimulator();
const reads = () => sim.calls().filter((c) => c.method === "GET");

beforeEach(() => {
  sim.clearFaults();
  sim.clearCalls();
});

describe("reads through the console", () => {
  it("coalesces identical concurrent reads into one upstream request", async () => {
    const id = sim.fixtures().hostileId;
    const [a, b, c] = await Promise.all([getMessage(id), getMessage(id), getMessage(id)]);
    expect(a.id).toBe(id);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(reads()).toHaveLength(1);
  });

  it("serves a very recent read from memory, and forgets everything after a change", async () => {
    const id = sim.fixtures().deliveredId;
    await getMessage(id);
    await getMessage(id);
    expect(reads()).toHaveLength(1);
    await moveMessage(id, { destination: "DeletedItems" });
    const after = await getMessage(id);
    expect(reads()).toHaveLength(2);
    expect(after.delivery_status).toContain("moved");
  });

  it("never remembers a search that is still running", async () => {
    sim.setFaults([{ pendingSearch: true, times: 1 }]);
    const first = await listMessages({ per_page: 3, sender: "nobody-special.test" });
    expect(first.pending).toBe(true);
    const second = await listMessages({ per_page: 3, sender: "nobody-special.test" });
    expect(second.pending).toBe(false);
    expect(reads()).toHaveLength(2);
  });

  it("refuses reads past the account budget with a Retry-After, before calling Cloudflare", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => listMessages({ per_page: 1, query: `budget-${i}` })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "paced", status: 429 });
    expect((refused[0] as PromiseRejectedResult).reason.retryAfter).toBeGreaterThan(0);
    expect(reads().length).toBeLessThanOrEqual(40);
  });
});
