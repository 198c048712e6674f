import { describe, expect, it } from "vitest";
// Three reads a minute: the request itself and two more pages. Set before the configuration is read.
process.env.USER_READ_BUDGET = "3";
import { callRoute } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { GET as overview } from "./route";

const { sim } = useDemoSimulator();
const searches = () => sim.calls().filter((c) => c.method === "GET" && /\/investigate\/?$/.test(c.path));

describe("the overview's cost", () => {
  it("is charged to the user's read budget page by page: past it, 429 and no further page is read", async () => {
    const start = encodeURIComponent(new Date(Date.now() - 89 * 86_400_000).toISOString());
    const res = await callRoute(overview, "/x", { query: `detections_only=false&start=${start}`, as: "viewer" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(searches()).toHaveLength(3);
  });
});
