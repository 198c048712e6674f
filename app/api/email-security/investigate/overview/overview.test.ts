import { describe, expect, it } from "vitest";
import { callRoute } from "@/lib/testing/routes";
import { useDemoSimulator } from "@/lib/testing/simulator";
import type { CampaignSummary, Overview } from "@/lib/overview/types";
import { GET as overview } from "./route";
import { GET as campaign } from "./campaigns/[campaignId]/route";

const { sim, fx } = useDemoSimulator();
const searches = () => sim.calls().filter((c) => c.method === "GET" && /\/investigate\/?$/.test(c.path));
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;
const lastWeek = () => `start=${encodeURIComponent(iso(Date.now() - 7 * DAY))}&end=${encodeURIComponent(iso(Date.now()))}`;

describe("GET /api/email-security/investigate/overview", () => {
  it("covers all matches of a small search, with every figure adding up to the count", async () => {
    const res = await callRoute(overview, "/x", { query: lastWeek(), as: "viewer" });
    expect(res.status).toBe(200);
    const o = res.json.result as Overview;
    expect(o.coverage).toMatchObject({ more: false, limit: 5000, pages: 1 });
    expect(o.coverage.counted).toBeGreaterThan(100);
    // A week is drawn in 6-hour buckets (28 of them, plus the partial one it started in).
    expect(o.histogram.bucketMs).toBe(6 * 3_600_000);
    expect(o.histogram.buckets).toBeGreaterThanOrEqual(28);
    expect(o.histogram.buckets).toBeLessThanOrEqual(29);
    for (const by of ["disposition", "delivery", "category", "domain"] as const) {
      const series = o.histogram.series[by];
      expect(series.reduce((n, s) => n + s.total, 0), by).toBe(o.coverage.counted);
      for (const s of series) expect(s.counts.reduce((a, b) => a + b, 0)).toBe(s.total);
    }
    expect(o.histogram.series.domain.length).toBeLessThanOrEqual(9);
    expect(o.histogram.series.domain.at(-1)?.key).toBe("(other)");
    // Worst first on the severity scale.
    expect(o.histogram.series.disposition[0]?.key).toMatch(/^MALICIOUS/);
    for (const kind of ["domains", "senders", "recipients", "subjects", "ips"] as const) {
      expect(o.top[kind].length, kind).toBeGreaterThan(0);
      for (const e of o.top[kind]) expect(e.delivered).toBeLessThanOrEqual(e.count);
    }
    expect(searches()).toHaveLength(1);
    expect(searches()[0]?.query.per_page).toBe("1000");
  });

  it("finds the wave campaign by its fingerprint, across senders and subjects, and says why", async () => {
    const w = fx.waveCampaigns;
    const res = await callRoute(overview, "/x", { query: lastWeek(), as: "viewer" });
    const found = (res.json.result as Overview).campaigns.find((c) => c.id === `edf-${w.edfHash}`) as CampaignSummary;
    expect(found).toBeDefined();
    expect(found.size).toBe(w.size);
    expect(found.waves).toBe(3);
    expect(found.domains.length).toBeGreaterThanOrEqual(4);
    expect(found.delivered).toBeGreaterThan(0);
    expect(found.recipients).toBeGreaterThan(20);
    expect(found.reasons[0]?.text).toBe(`same detection fingerprint ${w.edfHash.slice(0, 8)}… (${w.size})`);
    expect(Math.abs(Date.parse(found.firstSeen) - Date.parse(w.waves.at(-1)!.start))).toBeLessThan(1000);
    expect(found.spark.reduce((a, b) => a + b, 0)).toBe(w.size);
    // The template campaign: different detection fingerprints, one HTML structure.
    const template = (res.json.result as Overview).campaigns.find((c) => c.id === `html-${w.templateHtmlHash}`);
    expect(template?.size).toBe(w.templateSize);
    expect(template?.reasons[0]?.kind).toBe("html");
  });

  it("stops at OVERVIEW_MAX_MESSAGES, read 1,000 at a time, and says it covers the newest of more", async () => {
    const res = await callRoute(overview, "/x", { query: `detections_only=false&start=${encodeURIComponent(iso(Date.now() - 89 * DAY))}`, as: "viewer" });
    expect(res.status).toBe(200);
    const o = res.json.result as Overview;
    expect(o.coverage).toEqual({ counted: 5000, more: true, limit: 5000, pages: 5 });
    expect(searches()).toHaveLength(5);
    // The chart starts at the oldest message counted, not at a start it does not reach.
    expect(Date.parse(o.histogram.start)).toBeGreaterThan(Date.now() - 89 * DAY);
    console.info(`overview of 5,000 messages computed in ${o.computeMs} ms`);
    expect(o.computeMs).toBeLessThan(1000);
  });

  it.each([
    ["a disposition the search does not take", "final_disposition=EVIL", /final_disposition/],
    ["paging (the overview pages itself)", "per_page=5", /per_page/],
    ["a cursor", "cursor=abc", /cursor/],
    ["an end before the start", `start=${iso(Date.now() - DAY)}&end=${iso(Date.now() - 2 * DAY)}`, /End must not be before start/],
    ["a bulk-only filter", "exact_subject=Invoice", /exact_subject/],
    ["a malformed IP", "smtp_helo_ip=999.1.1.1", /HELO IP/],
  ])("refuses %s (400, nothing sent upstream)", async (_name, query, message) => {
    const res = await callRoute(overview, "/x", { query, as: "viewer" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error)).toMatch(message);
    expect(searches()).toHaveLength(0);
  });

  it("needs a session", async () => {
    const res = await callRoute(overview, "/x", { query: lastWeek(), as: null });
    expect(res.status).toBe(401);
    expect(searches()).toHaveLength(0);
  });
});

describe("GET /api/email-security/investigate/overview/campaigns/{id}", () => {
  it("lists exactly the campaign's messages, newest first, at a URL made of its fingerprint", async () => {
    const w = fx.waveCampaigns;
    const res = await callRoute(campaign, "/x", { params: { campaignId: `edf-${w.edfHash}` }, query: lastWeek(), as: "viewer" });
    expect(res.status).toBe(200);
    const rows = res.json.result as { edf_hash: string; scanned_at: string }[];
    expect(rows).toHaveLength(w.size);
    expect(rows.every((m) => m.edf_hash === w.edfHash)).toBe(true);
    expect([...rows].sort((a, b) => b.scanned_at.localeCompare(a.scanned_at))).toEqual(rows);
    expect(res.json.campaign).toMatchObject({ id: `edf-${w.edfHash}`, size: w.size, waves: 3 });
  });

  it("answers 404 for a fingerprint the search's newest matches do not hold", async () => {
    const res = await callRoute(campaign, "/x", { params: { campaignId: `edf-${"0".repeat(64)}` }, query: lastWeek(), as: "viewer" });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toMatch(/No campaign/);
  });

  it.each([
    ["no kind", "abcdef0123456789"],
    ["an unknown kind", "url-abcdef0123456789"],
    ["a dot segment", "edf-.."],
    ["a slash", "edf-abcdef01/23456789"],
    ["a short fingerprint", "edf-abc"],
    ["a fingerprint too long", `edf-${"a".repeat(129)}`],
  ])("refuses %s in the id (400, nothing sent upstream)", async (_name, campaignId) => {
    const res = await callRoute(campaign, "/x", { params: { campaignId }, query: lastWeek(), as: "viewer" });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/campaign id/i);
    expect(searches()).toHaveLength(0);
  });
});
