import { describe, expect, it } from "vitest";
import { GET as search } from "@/app/api/email-security/investigate/route";
import { reportMessageHref, type PhishguardReport } from "@/lib/phishguard/types";
import { callRoute } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import { GET as reports } from "./route";

const { sim } = useDemoSimulator();
const upstream = () => sim.calls().filter((c) => c.path.includes("/phishguard/"));
const DAY = 86_400_000;
const month = () => `start=${encodeURIComponent(new Date(Date.now() - 30 * DAY).toISOString())}&end=${encodeURIComponent(new Date().toISOString())}`;

describe("GET /api/email-security/phishguard/reports", () => {
  it("lists the range's reports, newest first, each naming a message its link finds", async () => {
    const res = await callRoute(reports, "/x", { query: month(), as: "viewer" });
    expect(res.status).toBe(200);
    const rows = res.json.result as PhishguardReport[];
    expect(rows.length).toBeGreaterThan(10);
    expect(res.json.unreadable).toBe(0);
    expect([...rows].sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? ""))).toEqual(rows);
    expect(upstream()[0]?.query).toEqual({ start: expect.any(String), end: expect.any(String) });
    for (const r of rows.slice(0, 3)) {
      const href = reportMessageHref(r);
      expect(href).toBeTruthy();
      const found = await callRoute(search, "/x", { query: new URL(href!, "http://x").searchParams.toString(), as: "viewer" });
      expect(found.status).toBe(200);
      expect(found.json.result.map((m: { postfix_id: string }) => m.postfix_id)).toEqual([r.postfix_id]);
    }
  });

  it("leaves out a report it cannot read and counts it", async () => {
    sim.setFaults([{ match: "/phishguard/reports", method: "GET", unreadableEntry: true, times: 1 }]);
    const res = await callRoute(reports, "/x", { query: month(), as: "viewer" });
    expect(res.status).toBe(200);
    expect(res.json.unreadable).toBe(1);
  });

  it.each([
    ["a start that is not a date-time", "start=yesterday", /start/],
    ["an end before the start", `start=${new Date(Date.now() - DAY).toISOString()}&end=${new Date(Date.now() - 2 * DAY).toISOString()}`, /End must not be before start/],
    ["paging the operation does not describe", "page=2", /page/],
    ["the deprecated dates", "from_date=2026-11-01", /from_date/],
  ])("refuses %s (400, nothing sent upstream)", async (_name, query, message) => {
    const res = await callRoute(reports, "/x", { query, as: "viewer" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error)).toMatch(message);
    expect(upstream()).toHaveLength(0);
  });
});

describe("the simulator's PhishGuard reports", () => {
  it("validates its dates as the description says", async () => {
    const call = (q: string) => sim.handle(`http://sim/client/v4/accounts/0123456789abcdef0123456789abcdef/email-security/phishguard/reports?${q}`, { headers: { authorization: "Bearer fake-token" } });
    expect((await call("start=not-a-date")).status).toBe(400);
    expect((await call("from_date=2026-13-45x")).status).toBe(400);
    expect((await call("colour=red")).status).toBe(400);
    const byDates = (await (await call(`from_date=${new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10)}`)).json()) as { result: unknown[] };
    expect(byDates.result.length).toBeGreaterThan(10);
  });
});
