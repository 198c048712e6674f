import { describe, expect, it } from "vitest";
import {
  authSummary,
  campaignKey,
  dispositionTone,
  domainOf,
  extractAddress,
  receivedAt,
  recipientsOf,
  senderAddress,
} from "./message-view";

describe("receivedAt", () => {
  it("prefers scanned_at and falls back to sent_at", () => {
    expect(receivedAt({ scanned_at: "2026-11-24T09:00:00Z", sent_at: "2026-11-24T08:59:00Z" })).toBe("2026-11-24T09:00:00Z");
    expect(receivedAt({ scanned_at: null, sent_at: "2026-11-24T08:59:00Z" })).toBe("2026-11-24T08:59:00Z");
    expect(receivedAt({})).toBeNull();
  });
});

describe("authSummary", () => {
  it.each([
    [{ spf: "pass", dkim: "pass", dmarc: "pass" }, "pass"],
    [{ spf: "pass", dkim: "fail", dmarc: "pass" }, "fail"],
    [{ spf: "error", dkim: "pass", dmarc: "pass" }, "fail"],
    [{ spf: "pass", dkim: "none", dmarc: null }, "partial"],
    [null, "unknown"],
  ] as const)("%j → %s", (validation, overall) => {
    expect(authSummary(validation).overall).toBe(overall);
  });

  it("spells each result out", () => {
    expect(authSummary({ spf: "pass", dkim: "fail" }).text).toBe("SPF pass, DKIM fail, DMARC unknown");
  });

  it("shows a verdict the console does not know as Cloudflare sent it, counted as unknown", () => {
    const summary = authSummary({ spf: "softfail", dkim: "pass", dmarc: "pass" });
    expect(summary.spf).toBe("unknown");
    expect(summary.labels.spf).toBe("softfail");
    expect(summary.text).toBe("SPF softfail, DKIM pass, DMARC pass");
    expect(summary.overall).toBe("partial");
  });
});

describe("addresses", () => {
  it.each([
    ["a@b.example", "a@b.example"],
    ['"Pay Roll" <payroll@evil.example>', "payroll@evil.example"],
    ["not an address", null],
    [null, null],
  ])("extractAddress(%j) = %j", (input, expected) => {
    expect(extractAddress(input)).toBe(expected);
  });

  it("falls back to the envelope sender and lower-cases the domain", () => {
    expect(senderAddress({ from: null, envelope_from: "bounce@Mail.Example" })).toBe("bounce@Mail.Example");
    expect(domainOf("bounce@Mail.Example")).toBe("mail.example");
    expect(domainOf("nope@")).toBeNull();
  });

  it("lists recipients from To, then the envelope, then the client", () => {
    expect(recipientsOf({ to: ["a@x"], envelope_to: ["b@x"], client_recipients: [] })).toEqual(["a@x"]);
    expect(recipientsOf({ to: [], envelope_to: ["b@x"], client_recipients: ["c@x"] })).toEqual(["b@x"]);
    expect(recipientsOf({ to: null, envelope_to: null, client_recipients: ["c@x"] })).toEqual(["c@x"]);
  });
});

describe("campaignKey", () => {
  it("uses edf_hash first, then the HTML structure hash", () => {
    expect(campaignKey({ edf_hash: "e1", htmltext_structure_hash: "h1" })).toEqual({ kind: "edf_hash", value: "e1" });
    expect(campaignKey({ edf_hash: null, htmltext_structure_hash: "h1" })).toEqual({ kind: "htmltext_structure_hash", value: "h1" });
    expect(campaignKey({})).toBeNull();
  });
});

describe("dispositionTone", () => {
  it("is the one severity scale (lib/severity.ts)", () => {
    expect(dispositionTone("MALICIOUS-BEC")).toBe("critical");
    expect(dispositionTone("SPOOF")).toBe("high");
    expect(dispositionTone("SUSPICIOUS")).toBe("elevated");
    expect(dispositionTone("BULK")).toBe("minimal");
    // A verdict Cloudflare adds later is shown neutrally, as its own text.
    expect(dispositionTone("QUISHING")).toBe("unknown");
    expect(dispositionTone(null)).toBe("unknown");
  });
});
