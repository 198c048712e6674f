import { describe, expect, it } from "vitest";
// A share of three reads per 5 minutes, under the overview's five pages. Set before the configuration is read.
process.env.USER_READ_SHARE = "3";
import { callRoute } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { GET as overview } from "./route";

const { sim } = useDemoSimulator();
const searches = () => sim.calls().filter((c) => c.method === "GET" && /\/investigate\/?$/.test(c.path));

describe("the overview's cost", () => {
  it("is paid up front, all its pages: past the user's share, 429 with a wait and no page is read", async () => {
    const start = encodeURIComponent(new Date(Date.now() - 89 * 86_400_000).toISOString());
    const res = await callRoute(overview, "/x", { query: `detections_only=false&start=${start}`, as: "viewer" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(searches()).toHaveLength(0);
  });
});
