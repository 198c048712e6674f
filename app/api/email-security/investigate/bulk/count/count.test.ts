import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { GET as search } from "@/app/api/email-security/investigate/route";
import { GET as count } from "./route";

const { sim, fx } = useDemoSimulator();
const searches = () => sim.calls().filter((c) => c.method === "GET" && /\/investigate\/?$/.test(c.path));

describe("GET /api/email-security/investigate/bulk/count", () => {
  it("counts every message a small search matches, exactly as the search lists them", async () => {
    const query = `sender=${encodeURIComponent(fx.campaignSender)}`;
    const truth = await callRoute(search, "/x", { query: `${query}&per_page=1000`, as: "viewer" });
    expect(truth.status).toBe(200);
    expect(truth.json.result_info.next ?? null).toBeNull();
    const res = await callRoute(count, "/x", { query, as: "viewer" });
    expect(res.status).toBe(200);
    expect(res.json.result).toEqual({ matched: truth.json.result.length, more: false, cap: 2000, approval_threshold: 500 });
    expect(res.json.result.matched).toBeGreaterThan(0);
  });

  it("stops at the cap and says more match, after a bounded number of pages", async () => {
    const res = await callRoute(count, "/x", { query: "detections_only=false", as: "viewer" });
    expect(res.status).toBe(200);
    expect(res.json.result).toMatchObject({ matched: 2000, more: true, cap: 2000 });
    expect(searches().length).toBeLessThanOrEqual(3);
  });

  it("refuses what the search cannot take (400, nothing sent upstream)", async () => {
    for (const query of ["final_disposition=EVIL", "exact_subject=Invoice", "per_page=5"]) {
      const res = await callRoute(count, "/x", { query, as: "viewer" });
      expect(res.status, query).toBe(400);
    }
    expect(searches()).toHaveLength(0);
  });
});
