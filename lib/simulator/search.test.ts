import { beforeAll, describe, expect, it } from "vitest";
import { createHarness, START, type Harness } from "./test-helpers";

const DAY = 86_400_000;
const DETECTIONS = ["MALICIOUS", "MALICIOUS-BEC", "SUSPICIOUS", "SPOOF", "SPAM", "BULK"];

// Message rows as the API returns them; the harness has already checked them against the contract.
type Row = Record<string, any>;

let h: Harness;
beforeAll(() => {
  h = createHarness();
});

async function search(query: string): Promise<Row[]> {
  const res = await h.call("GET", `?per_page=1000&${query}`);
  expect(res.status).toBe(200);
  return res.body.result as Row[];
}

async function searchAll(query: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.call("GET", `?per_page=1000&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.status).toBe(200);
    rows.push(...res.body.result);
    cursor = res.body.result_info.next;
  } while (cursor);
  return rows;
}

describe("search", () => {
  it("requires a bearer token", async () => {
    const res = await h.call("GET", "", { token: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ success: false, errors: [{ code: 10000, message: "Authentication error" }], messages: [], result: null });
  });

  it("accepts only the configured token when one is set", async () => {
    const locked = createHarness({ token: "s3cret", messageCount: 500 });
    expect((await locked.call("GET", "", { token: "wrong" })).status).toBe(401);
    expect((await locked.call("GET", "", { token: "s3cret" })).status).toBe(200);
  });

  it("answers in the Cloudflare envelope with cursor result_info", async () => {
    const res = await h.call("GET", "");
    expect(res.body.success).toBe(true);
    expect(res.body.errors).toEqual([]);
    expect(res.body.result).toHaveLength(20);
    expect(res.body.result_info).toMatchObject({ count: 20, per_page: 20, total_count: 0, previous: null });
    expect(typeof res.body.result_info.next).toBe("string");
  });

  it("omits deprecated fields the contract does not require", async () => {
    const [row] = await search("");
    expect(row).toBeDefined();
    expect(row).not.toHaveProperty("findings");
    expect(row?.action_log).toEqual([]);
    expect(row?.ts).toBe(row?.scanned_at);
  });

  it("returns only detections by default, newest first, within the last 30 days", async () => {
    const rows = await searchAll("");
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.every((r) => DETECTIONS.includes(r.final_disposition))).toBe(true);
    const times = rows.map((r) => Date.parse(r.scanned_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(START - 30 * DAY - 1000);
    const everything = await searchAll("detections_only=false");
    expect(everything.length).toBeGreaterThan(rows.length * 2);
    expect(everything.some((r) => r.final_disposition === "NONE")).toBe(true);
  });

  it("honours start and end", async () => {
    const start = new Date(START - 60 * DAY).toISOString();
    const end = new Date(START - 50 * DAY).toISOString();
    const rows = await searchAll(`detections_only=false&start=${start}&end=${end}`);
    expect(rows.length).toBeGreaterThan(500);
    for (const r of rows) {
      const t = Date.parse(r.scanned_at);
      expect(t).toBeGreaterThanOrEqual(Date.parse(start));
      expect(t).toBeLessThanOrEqual(Date.parse(end));
    }
  });

  it.each([
    ["per_page=0", "/query/per_page"],
    ["per_page=1001", "/query/per_page"],
    ["per_page=ten", "/query/per_page"],
    ["detections_only=maybe", "/query/detections_only"],
    ["final_disposition=EVIL", "/query/final_disposition"],
    ["message_action=DELETED", "/query/message_action"],
    ["delivery_status=lost", "/query/delivery_status"],
    ["start=yesterday", "/query/start"],
    ["start=2099-01-01T00:00:00Z", "/query/start"],
    ["start=2026-11-20T00:00:00Z&end=2026-11-10T00:00:00Z", "/query/start"],
    ["submission=yes", "/query/submission"],
    ["cursor=not-a-cursor", "/query/cursor"],
  ])("rejects %s with a 400 pointing at %s", async (query, pointer) => {
    const res = await h.call("GET", `?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.result).toBeNull();
    expect(res.body.errors[0].source.pointer).toBe(pointer);
  });

  it("pages forward and back with cursors, without gaps or overlap", async () => {
    const all = await search("detections_only=false&start=2026-11-01T00:00:00Z");
    const pages: Row[][] = [];
    let res = await h.call("GET", "?detections_only=false&start=2026-11-01T00:00:00Z&per_page=50");
    expect(res.body.result_info.previous).toBeNull();
    pages.push(res.body.result);
    for (let i = 0; i < 3; i++) {
      res = await h.call("GET", `?detections_only=false&start=2026-11-01T00:00:00Z&per_page=50&cursor=${encodeURIComponent(res.body.result_info.next)}`);
      expect(res.body.result_info.previous).not.toBeNull();
      pages.push(res.body.result);
    }
    expect(pages.flat().map((r) => r.id)).toEqual(all.slice(0, 200).map((r) => r.id));
    // and back again from page 4 to page 1
    for (let i = 2; i >= 0; i--) {
      res = await h.call("GET", `?detections_only=false&start=2026-11-01T00:00:00Z&per_page=50&cursor=${encodeURIComponent(res.body.result_info.previous)}`);
      expect(res.body.result.map((r: Row) => r.id)).toEqual(pages[i]?.map((r) => r.id));
    }
    expect(res.body.result_info.previous).toBeNull();
  });

  it("ends with next: null on the last page", async () => {
    const res = await h.call("GET", `?sender=${encodeURIComponent(h.sim.fixtures().campaignSender)}&per_page=1000`);
    expect(res.body.result_info.next).toBeNull();
    expect(res.body.result_info.previous).toBeNull();
  });

  it("rejects a cursor from a different search", async () => {
    const first = await h.call("GET", "?final_disposition=SPAM");
    const res = await h.call("GET", `?final_disposition=BULK&cursor=${encodeURIComponent(first.body.result_info.next)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].source.pointer).toBe("/query/cursor");
  });

  it("still honours the deprecated page parameter", async () => {
    const first = await h.call("GET", "?per_page=10");
    const second = await h.call("GET", "?per_page=10&page=2");
    const next = await h.call("GET", `?per_page=10&cursor=${encodeURIComponent(first.body.result_info.next)}`);
    expect(second.body.result.map((r: Row) => r.id)).toEqual(next.body.result.map((r: Row) => r.id));
  });
});

describe("search filters", () => {
  it("sender: address and domain, case-insensitive", async () => {
    const { campaignSender } = h.sim.fixtures();
    const byAddress = await search(`sender=${encodeURIComponent(campaignSender.toUpperCase())}`);
    expect(byAddress.length).toBeGreaterThan(50);
    expect(byAddress.every((r) => r.from === campaignSender)).toBe(true);
    const domain = campaignSender.split("@")[1] ?? "";
    const byDomain = await search(`sender=${domain}`);
    expect(byDomain.length).toBeGreaterThanOrEqual(byAddress.length);
    expect(byDomain.every((r) => r.from.endsWith(`@${domain}`))).toBe(true);
  });

  it("recipient: address or domain against to/envelope_to/client_recipients", async () => {
    const [sample] = await search("detections_only=false&per_page=1");
    const rcpt = sample?.client_recipients[0] as string;
    const rows = await search(`detections_only=false&recipient=${encodeURIComponent(rcpt)}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => [...r.to, ...r.envelope_to, ...r.client_recipients].includes(rcpt))).toBe(true);
    const byDomain = await search("detections_only=false&recipient=acme.example&per_page=1000");
    expect(byDomain).toHaveLength(1000);
  });

  it("final_disposition", async () => {
    const rows = await search("final_disposition=SPOOF");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.final_disposition === "SPOOF")).toBe(true);
    const none = await search("final_disposition=NONE&detections_only=false");
    expect(none.every((r) => r.final_disposition === "NONE")).toBe(true);
  });

  it("delivery_status", async () => {
    const rows = await search("delivery_status=quarantined");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.delivery_status.includes("quarantined") && r.is_quarantined)).toBe(true);
  });

  it("message_action maps to post_delivery_operations", async () => {
    const moved = await search("message_action=MOVED&start=2026-08-28T00:00:00Z");
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((r) => r.post_delivery_operations.includes("MOVE"))).toBe(true);
    const released = await search("message_action=QUARANTINE_RELEASED&start=2026-08-28T00:00:00Z");
    expect(released.every((r) => r.post_delivery_operations.includes("QUARANTINE_RELEASE"))).toBe(true);
  });

  it("alert_id, message_id (with or without <>) and smtp_helo_ip", async () => {
    const [sample] = await search("per_page=1");
    const byAlert = await search(`alert_id=${sample?.alert_id}`);
    expect(byAlert.map((r) => r.id)).toEqual([sample?.id]);
    const bare = (sample?.message_id as string).slice(1, -1);
    expect((await search(`message_id=${encodeURIComponent(bare)}`)).map((r) => r.id)).toEqual([sample?.id]);
    expect((await search(`message_id=${encodeURIComponent(sample?.message_id)}`)).map((r) => r.id)).toEqual([sample?.id]);
    const byIp = await search(`smtp_helo_ip=${sample?.smtp_helo_server_ip}`);
    expect(byIp.every((r) => r.smtp_helo_server_ip === sample?.smtp_helo_server_ip)).toBe(true);
  });

  it("domain matches sender, recipient or link domains", async () => {
    const bySender = await search("domain=acme-payro11.test");
    expect(bySender.length).toBeGreaterThan(50);
    // the M365 campaign links to login-m1crosoft.invalid but sends from m1crosoft-support.invalid
    const byLink = await search("domain=login-m1crosoft.invalid&start=2026-08-28T00:00:00Z");
    expect(byLink.length).toBeGreaterThan(0);
    expect(byLink.every((r) => r.from.endsWith("@m1crosoft-support.invalid"))).toBe(true);
  });

  it("subject keywords in any order, exact_subject whole-subject", async () => {
    const { campaignSubject } = h.sim.fixtures();
    const words = campaignSubject.split(" ").reverse().join(" ");
    const rows = await search(`subject=${encodeURIComponent(words.toUpperCase())}`);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((r) => r.subject.toLowerCase().includes(campaignSubject.split(" ")[0]?.toLowerCase()))).toBe(true);
    const exact = rows[0]?.subject as string;
    const exactRows = await search(`exact_subject=${encodeURIComponent(exact.toLowerCase())}`);
    expect(exactRows.length).toBeGreaterThan(0);
    expect(exactRows.every((r) => r.subject === exact)).toBe(true);
  });

  it("query: every term must match sender, recipients, subject, attachments or message id", async () => {
    const { campaignSender } = h.sim.fixtures();
    const rows = await search(`query=${encodeURIComponent(`PAYROLL ${campaignSender.split("@")[1]}`)}`);
    expect(rows.length).toBeGreaterThan(50);
    expect((await search("query=payroll%20zzzznotthere")).length).toBe(0);
    const rcpt = rows[0]?.to[0] as string;
    expect((await search(`query=${encodeURIComponent(`payroll ${rcpt}`)}`)).every((r) => r.to.includes(rcpt))).toBe(true);
  });

  it("query matches attachment hashes", async () => {
    const hostile = h.sim.fixtures().hostileId;
    const det = await h.call("GET", `/${encodeURIComponent(hostile)}/detections`);
    const sha = det.body.result.attachments[0].sha256 as string;
    expect((await search(`query=${sha}`)).map((r) => r.id)).toContain(hostile);
  });

  it("submission=true keeps only phish submissions; metric is accepted", async () => {
    const rows = await search("submission=true&detections_only=false&start=2026-08-28T00:00:00Z");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.is_phish_submission)).toBe(true);
    expect((await h.call("GET", "?metric=anything")).status).toBe(200);
  });
});
