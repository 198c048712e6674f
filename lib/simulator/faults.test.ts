import { beforeEach, describe, expect, it } from "vitest";
import { createHarness, idPath, ORIGIN, PREFIX, type Harness } from "./test-helpers";

let h: Harness;
beforeEach(() => {
  h = createHarness({ messageCount: 800 });
});

describe("faults", () => {
  it("429 with Retry-After in a Cloudflare error envelope", async () => {
    h.sim.setFaults([{ status: 429, retryAfter: 7 }]);
    const res = await h.call("GET", "");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body).toMatchObject({ success: false, messages: [], result: null, errors: [{ code: expect.any(Number), message: expect.any(String) }] });
  });

  it("500 limited to a path and method, for a number of times", async () => {
    h.sim.setFaults([{ match: "/move", method: "POST", status: 500, times: 2 }]);
    const id = h.sim.fixtures().deliveredId;
    expect((await h.call("GET", idPath(id))).status).toBe(200); // different method and path
    const move = { body: { destination: "JunkEmail" } };
    expect((await h.call("POST", idPath(id, "/move"), { ...move, offContract: true })).status).toBe(500);
    expect((await h.call("POST", idPath(id, "/move"), { ...move, offContract: true })).status).toBe(500);
    expect((await h.call("POST", idPath(id, "/move"), move)).status).toBe(200); // expired
    // faulted calls never reached the data: the message moved exactly once
    const log = (await h.call("GET", idPath(id, "/action_log"))).body.result;
    expect(log.filter((e: { operation: string }) => e.operation === "MOVE")).toHaveLength(1);
    expect(h.sim.calls().filter((c) => c.method === "POST")).toHaveLength(3);
  });

  it("malformed JSON with a 200", async () => {
    h.sim.setFaults([{ malformed: true, times: 1 }]);
    const res = await h.call("GET", "", { offContract: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(() => JSON.parse(res.text)).toThrow();
  });

  it("pendingSearch answers 202 with an empty result and a Location to poll", async () => {
    h.sim.setFaults([{ pendingSearch: true, times: 1 }]);
    const res = await h.call("GET", "?sender=x%40y.example");
    expect(res.status).toBe(202);
    expect(res.body.result).toEqual([]);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/client/v4${PREFIX}?sender=x%40y.example`);
    // other routes are unaffected, and the next poll answers
    expect((await h.call("GET", "?sender=x%40y.example")).status).toBe(200);
  });

  it("latency delays the answer", async () => {
    h.sim.setFaults([{ latencyMs: 60 }]);
    const started = performance.now();
    expect((await h.call("GET", "?per_page=1")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("timeout never answers until the request is aborted", async () => {
    h.sim.setFaults([{ timeout: true }]);
    const controller = new AbortController();
    const pending = h.sim.handle(new Request(`${ORIGIN}/client/v4${PREFIX}`, { headers: { authorization: "Bearer t" }, signal: controller.signal }));
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(settled).toBe(false);
    controller.abort();
    await pending;
    expect(settled).toBe(true);
  });

  it("errorRate is deterministic for a seed", async () => {
    const pattern = async (): Promise<number[]> => {
      const run = createHarness({ messageCount: 300 });
      run.sim.setFaults([{ status: 503, errorRate: 0.5 }]);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await run.call("GET", "?per_page=1", { offContract: true })).status);
      return statuses;
    };
    const a = await pattern();
    expect(a).toEqual(await pattern());
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it("clearFaults restores normal answers", async () => {
    h.sim.setFaults([{ status: 503 }]);
    expect((await h.call("GET", "", { offContract: true })).status).toBe(503);
    h.sim.clearFaults();
    expect((await h.call("GET", "")).status).toBe(200);
  });
});

describe("calls log and control endpoints", () => {
  it("records method, decoded path, query and parsed body; control calls are not recorded", async () => {
    const id = h.sim.fixtures().deliveredId;
    await h.call("GET", "?sender=a%40b.example&sender=c%40d.example&per_page=5", { offContract: true });
    await h.call("POST", idPath(id, "/move"), { body: { destination: "Inbox" } });
    await h.call("GET", "/__simulator/fixtures");
    const calls = h.sim.calls();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ method: "GET", path: PREFIX, query: { sender: ["a@b.example", "c@d.example"], per_page: "5" }, body: null });
    expect(calls[1]).toMatchObject({ method: "POST", path: `${PREFIX}/${id}/move`, body: { destination: "Inbox" } });
    expect(Date.parse(calls[1]?.at ?? "")).toBe(h.now());
    h.sim.clearCalls();
    expect(h.sim.calls()).toEqual([]);
  });

  it("unauthenticated calls are still recorded", async () => {
    await h.call("GET", "", { token: null });
    expect(h.sim.calls()).toHaveLength(1);
  });

  it("HTTP control endpoints mirror the methods", async () => {
    await h.call("GET", "?per_page=1");
    const calls = await h.call("GET", "/__simulator/calls");
    expect(calls.body.result).toHaveLength(1);
    expect((await h.call("DELETE", "/__simulator/calls")).status).toBe(200);
    expect(h.sim.calls()).toEqual([]);

    expect((await h.call("PUT", "/__simulator/faults", { body: { rules: [{ status: 503, times: 1 }] } })).status).toBe(200);
    expect((await h.call("GET", "", { offContract: true })).status).toBe(503);
    expect((await h.call("PUT", "/__simulator/faults", { body: { rules: [{ status: "x" }] } })).status).toBe(400);
    await h.call("PUT", "/__simulator/faults", { body: { rules: [{ status: 500 }] } });
    expect((await h.call("DELETE", "/__simulator/faults")).status).toBe(200);
    expect((await h.call("GET", "")).status).toBe(200);

    const fixtures = await h.call("GET", "/__simulator/fixtures");
    expect(fixtures.body.result).toEqual(h.sim.fixtures());

    await h.call("POST", idPath(h.sim.fixtures().quarantinedId, "/move"), { body: { destination: "Inbox" } });
    await h.call("POST", "/release", { body: { ids: [h.sim.fixtures().quarantinedId] } });
    expect((await h.call("GET", idPath(h.sim.fixtures().quarantinedId))).body.result.is_quarantined).toBe(false);
    expect((await h.call("POST", "/__simulator/reset")).status).toBe(200);
    expect(h.sim.calls()).toEqual([]);
    expect((await h.call("GET", idPath(h.sim.fixtures().quarantinedId))).body.result.is_quarantined).toBe(true);
  });
});
