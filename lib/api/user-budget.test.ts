import { describe, expect, it } from "vitest";
import { GET as search } from "@/app/api/email-security/investigate/route";
import { callRoute, sessionCookie } from "@/lib/testing/routes";

delete process.env.CLOUDFLARE_API_TOKEN;
process.env.USER_READ_BUDGET = "3";

describe("per-user read pacing", () => {
  it("slows one user down with a 429 and Retry-After while others carry on", async () => {
    const busy = { cookie: await sessionCookie("viewer", "loop@x.test") };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await callRoute(search, "/x", { query: "per_page=1", headers: busy })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await callRoute(search, "/x", { query: "per_page=1", headers: busy });
    expect(refused.json.error.message).toMatch(/Slow down/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    const other = await callRoute(search, "/x", { query: "per_page=1", headers: { cookie: await sessionCookie("viewer", "calm@x.test") } });
    expect(other.status).toBe(200);
  });
});
