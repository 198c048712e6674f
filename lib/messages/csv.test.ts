import { describe, expect, it } from "vitest";
import { csvFileName, messagesToCsv } from "./csv";
import { testMessage } from "@/lib/testing/message";

describe("messagesToCsv", () => {
  it("derives values and neutralises hostile fields", () => {
    const message = testMessage({
      scanned_at: "2026-11-24T09:00:00Z",
      from: "=cmd|' /C calc'!A0 <x@evil.example>",
      from_name: "@boss",
      to: ["a@corp.example", "b@corp.example"],
      subject: '=1+1, "urgent"',
      final_disposition: "MALICIOUS",
      delivery_status: ["quarantined"],
      validation: { spf: "fail", dkim: "pass", dmarc: "none" },
    });
    const [header, row] = messagesToCsv([message]).split("\r\n");
    expect(header).toBe(
      '"id","received_at","from_name","from","to","subject","final_disposition","delivery_status","threat_categories","spf","dkim","dmarc","alert_id","message_id","edf_hash"',
    );
    expect(row).toBe(
      `"m1","2026-11-24T09:00:00Z","'@boss","x@evil.example","a@corp.example; b@corp.example","'=1+1, ""urgent""","MALICIOUS","quarantined","","fail","pass","none","","",""`,
    );
  });
});

describe("hostile text in the export", () => {
  it("reveals hidden characters as the pages do", () => {
    const [, row] = messagesToCsv([testMessage({ subject: "Invoice \u202Egpj.exe", from_name: "IT\u200B Support" })]).split("\r\n");
    expect(row).toContain('"IT⟨ZWSP⟩ Support"');
    expect(row).toContain('"Invoice ⟨RLO⟩gpj.exe"');
  });
});

describe("times in the export", () => {
  it("writes received_at as UTC ISO whatever offset Cloudflare used", () => {
    const [, row] = messagesToCsv([testMessage({ scanned_at: "2026-11-24T10:00:00+01:00" })]).split("\r\n");
    expect(row?.split(",")[1]).toBe('"2026-11-24T09:00:00Z"');
  });
});

describe("csvFileName", () => {
  it("is stamped to the minute", () => {
    expect(csvFileName(new Date("2026-11-24T09:30:45Z"))).toBe("messages-2026-11-24T0930Z.csv");
  });
});
