import { describe, expect, it } from "vitest";
import { getSimulator } from "@/lib/simulator";

delete process.env.CLOUDFLARE_API_TOKEN;
process.env.UPSTREAM_READ_TIMEOUT_MS = "300";
process.env.READ_CACHE_MS = "0";

const { getTrace, moveMessage } = await import("./index");
const sim = getSimulator();

describe("an upstream that does not answer", () => {
  it("gives up on a read after one retry, as a 504", async () => {
    sim.clearCalls();
    sim.setFaults([{ match: "/trace", timeout: true }]);
    const started = Date.now();
    await expect(getTrace(sim.fixtures().deliveredId)).rejects.toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sim.calls().filter((c) => c.path.endsWith("/trace"))).toHaveLength(2);
    sim.clearFaults();
  });

  it("sends a move exactly once even when it fails", async () => {
    sim.clearCalls();
    sim.setFaults([{ match: "/move", status: 502 }]);
    await expect(moveMessage(sim.fixtures().deliveredId, { destination: "Inbox" })).rejects.toMatchObject({ status: 502 });
    expect(sim.calls().filter((c) => c.method === "POST")).toHaveLength(1);
    sim.clearFaults();
  });
});
