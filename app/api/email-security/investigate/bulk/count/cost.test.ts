import { describe, expect, it } from "vitest";
import { callRoute, sessionCookie } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { GET as count } from "./route";

// A small account budget, so the default share (a quarter of it) is quick to reach: 60 reads per
// 5 minutes for the account, 15 for one person.
process.env.UPSTREAM_READ_BUDGET = "60";
delete process.env.USER_READ_SHARE;

const { sim } = useDemoSimulator();
const upstreamSearches = () => sim.calls().filter((c) => c.method === "GET" && /\/investigate\/?$/.test(c.path)).length;
// Broad: the count pages the search up to its cap, three upstream reads.
const BROAD = "detections_only=false";
const countAs = async (email: string, query = BROAD, role: "viewer" | "analyst" = "viewer") =>
  callRoute(count, "/x", { query, headers: { cookie: await sessionCookie(role, email) } });

describe("a count is charged its upstream reads before it starts", () => {
  it("stops a viewer's count loop at the viewer's share, leaving the rest of the account's reads to the team", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await countAs("looper@x.test");
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.json.error.message).toMatch(/your share of the account's reads \(15 per 5 minutes\)/);
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(upstreamSearches()).toBe(15);

    // A colleague still has the account's other reads.
    sim.clearCalls();
    expect((await countAs("colleague@x.test", BROAD, "analyst")).status).toBe(200);
    expect(upstreamSearches()).toBe(3);
  });

  it("refuses a count its share cannot cover whole, before anything goes upstream, and gives back what a count did not use", async () => {
    for (let i = 0; i < 4; i++) expect((await countAs("careful@x.test")).status).toBe(200);
    // A narrow search is one page: of the three taken up front, two are given back.
    const narrow = await countAs("careful@x.test", "sender=nobody%40nowhere.test");
    expect(narrow.status).toBe(200);
    expect(upstreamSearches()).toBe(13);

    sim.clearCalls();
    const refused = await countAs("careful@x.test");
    expect(refused.status).toBe(429);
    expect(upstreamSearches()).toBe(0);
  });
});
