import { describe, expect, it } from "vitest";
import { groupCampaigns, subjectShape } from "./campaigns";
import { bucketWidth, computeOverview } from "./compute";
import type { OverviewMessage } from "./message-fields";
import { describeCoverage } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse("2026-12-01T00:00:00Z");

function message(over: Partial<OverviewMessage> & { at: number }): OverviewMessage {
  const { at, ...rest } = over;
  return {
    id: `m${at}-${Math.random()}`,
    from: "a@example.test",
    subject: "Hello",
    envelope_from: null,
    envelope_to: null,
    to: ["x@acme.example"],
    client_recipients: ["x@acme.example"],
    final_disposition: "NONE",
    delivery_status: ["delivered"],
    threat_categories: [],
    edf_hash: `e${Math.random().toString(16).slice(2)}aaaaaaaa`,
    htmltext_structure_hash: `h${Math.random().toString(16).slice(2)}aaaaaaaa`,
    smtp_helo_server_ip: "192.0.2.1",
    smtp_previous_hop_ip: null,
    scanned_at: new Date(at).toISOString(),
    sent_at: null,
    ...rest,
  } as OverviewMessage;
}

describe("bucket width", () => {
  it.each([
    ["a day: hours", DAY, HOUR],
    ["a week: 6 hours", 7 * DAY, 6 * HOUR],
    ["a month: days", 30 * DAY, DAY],
    ["90 days: 3 days", 90 * DAY, 3 * DAY],
    ["an hour: 5 minutes", HOUR, 5 * 60_000],
  ])("%s", (_name, span, width) => expect(bucketWidth(span)).toBe(width));
});

describe("subject shape", () => {
  it.each([
    ["Payroll update required - Alice", "payroll update required"],
    ["RE: Fwd: Invoice 12345 is overdue", "invoice # is overdue"],
    ["Remittance advice #88412", "remittance advice #"],
    ["Missed call: 31 seconds", "missed call # seconds"],
    ["", ""],
  ])("%j → %j", (subject, stem) => expect(subjectShape(subject)).toBe(stem));
});

describe("campaigns", () => {
  it("groups by fingerprint, merges kits sent from one IP with one subject stem, and counts waves", () => {
    const kitA = Array.from({ length: 4 }, (_, k) => message({ at: T0 + k * HOUR, edf_hash: "aaaaaaaa11", subject: `Invoice ${k} overdue`, final_disposition: "MALICIOUS", delivery_status: ["quarantined"] }));
    const kitB = Array.from({ length: 3 }, (_, k) => message({ at: T0 + 2 * DAY + k * HOUR, htmltext_structure_hash: "bbbbbbbb22", subject: `Invoice ${k + 9} overdue` }));
    const alone = [message({ at: T0 + 5 * HOUR, from: "x@other.test", smtp_helo_server_ip: "198.51.100.1" })];
    const all = [...kitA, ...kitB, ...alone];
    const campaigns = groupCampaigns(all, { start: T0, bucketMs: DAY, buckets: 3 });
    expect(campaigns).toHaveLength(1);
    const [c] = campaigns;
    expect(c).toMatchObject({ id: "edf-aaaaaaaa11", size: 7, waves: 2, delivered: 3, spark: [4, 0, 3], domains: ["example.test"], ips: ["192.0.2.1"] });
    expect(c!.reasons.map((r) => r.text)).toEqual([
      "same detection fingerprint aaaaaaaa… (4)",
      "same HTML structure bbbbbbbb… (3)",
      "same sending IP 192.0.2.1 and subject “invoice # overdue”",
    ]);
  });

  it("ignores fingerprints that are not plain letters and digits", () => {
    const odd = Array.from({ length: 4 }, (_, k) => message({ at: T0 + k, edf_hash: "../../x<y>" }));
    expect(groupCampaigns(odd, { start: T0, bucketMs: DAY, buckets: 1 })).toEqual([]);
  });
});

describe("overview", () => {
  it("an empty search is an empty overview, not an error", () => {
    const o = computeOverview([], { counted: 0, more: false, limit: 5000, pages: 1 }, { start: new Date(T0).toISOString(), end: new Date(T0 + DAY).toISOString() }, T0 + DAY);
    expect(o.histogram.buckets).toBe(24);
    expect(o.histogram.series.disposition).toEqual([]);
    expect(o.campaigns).toEqual([]);
  });

  it("says what it covers", () => {
    expect(describeCoverage({ counted: 1212, more: false })).toBe("all 1,212");
    expect(describeCoverage({ counted: 5000, more: true })).toBe("5,000 newest of more");
  });
});
