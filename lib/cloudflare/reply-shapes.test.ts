import { describe, expect, it } from "vitest";
import { readList, readReply } from "./reply-shapes";

// Every variant Cloudflare's published description allows, and some it does not: the console
// reads what it can, field by field, and says how many list entries it had to leave out.

describe("action log entries", () => {
  it("reads a pending entry: null completed_at, null properties (only operation is required)", () => {
    const { value, unreadable } = readList("actionLog", [
      { operation: "MOVE", completed_at: null, started_at: "2026-11-20T10:00:00Z", properties: null, status: null },
      { operation: "PREVIEW" },
    ]);
    expect(unreadable).toBe(0);
    expect(value).toEqual([
      { operation: "MOVE", completed_at: null, started_at: "2026-11-20T10:00:00Z", properties: null, status: null },
      { operation: "PREVIEW" },
    ]);
  });

  it("keeps an unknown operation as it came", () => {
    expect(readList("actionLog", [{ operation: "QUARANTINE_PURGE", completed_at: "2026-11-20T10:00:00Z" }]).value[0]?.operation).toBe(
      "QUARANTINE_PURGE",
    );
  });

  it("reads open properties, keeping the two it shows, and a wrong-typed field as null", () => {
    const [entry] = readList("actionLog", [
      { operation: "MOVE", completed_at: 12345, properties: { folder: "JunkEmail", requested_by: { name: "x" }, extra: [1] } },
    ]).value;
    expect(entry).toEqual({ operation: "MOVE", completed_at: null, properties: { folder: "JunkEmail", requested_by: null } });
  });

  it("skips entries without an operation and counts them", () => {
    const { value, unreadable } = readList("actionLog", [{ completed_at: "x" }, "junk", null, { operation: "MOVE" }]);
    expect(value).toHaveLength(1);
    expect(unreadable).toBe(3);
  });

  it("reads a missing or null list as empty, but refuses something that is not a list", () => {
    expect(readList("actionLog", undefined).value).toEqual([]);
    expect(readList("actionLog", null).value).toEqual([]);
    expect(() => readList("actionLog", { operation: "MOVE" })).toThrow(/could not read/);
  });
});

describe("messages", () => {
  it("needs only an id; every other field may be missing or null", () => {
    const { value, unreadable } = readList("messages", [
      { id: "m1" },
      { id: "m2", subject: null, from: null, to: null, delivery_status: null, validation: null, properties: null, final_disposition: null },
    ]);
    expect(unreadable).toBe(0);
    expect(value.map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(value[1]?.subject).toBeNull();
  });

  it("keeps unknown enum values as text", () => {
    const [m] = readList("messages", [
      { id: "m1", final_disposition: "QUISHING", delivery_status: ["delivered", "sandboxed"], delivery_mode: "CARRIER_PIGEON", validation: { spf: "softfail" } },
    ]).value;
    expect(m).toMatchObject({ final_disposition: "QUISHING", delivery_status: ["delivered", "sandboxed"], delivery_mode: "CARRIER_PIGEON" });
    expect(m?.validation?.spf).toBe("softfail");
  });

  it("turns a wrong-typed field into null instead of refusing the message", () => {
    const [m] = readList("messages", [{ id: "m1", subject: 42, to: "a@b.c", is_quarantined: "yes", to_name: ["A", 7] }]).value;
    expect(m).toMatchObject({ id: "m1", subject: null, to: null, is_quarantined: null, to_name: ["A"] });
  });

  it("strips deprecated and unknown fields", () => {
    const [m] = readList("messages", [{ id: "m1", ts: "2026-01-01T00:00:00Z", action_log: [], findings: [], surprise: 1 }]).value;
    expect(m).toEqual({ id: "m1" });
  });

  it("skips rows without an id and counts them", () => {
    const { value, unreadable } = readList("messages", [{ id: "m1" }, { subject: "no id" }, { id: "" }, 17]);
    expect(value.map((m) => m.id)).toEqual(["m1"]);
    expect(unreadable).toBe(3);
  });

  it("accepts ids with dots, plus signs and colons as they come", () => {
    expect(readReply("message", { id: "a1.b2+c3:d" }).value.id).toBe("a1.b2+c3:d");
  });

  it("refuses a single message without an id", () => {
    expect(() => readReply("message", { subject: "x" })).toThrow(/could not read/);
  });
});

describe("detections and trace", () => {
  it("reads detections with every optional part missing", () => {
    const { value, unreadable } = readReply("detections", {});
    expect(unreadable).toBe(0);
    expect(value).toEqual({});
  });

  it("drops unreadable attachments, headers and links, and counts them across lists", () => {
    const { value, unreadable } = readReply("detections", {
      action: "QUARANTINE",
      attachments: [{ size: 10, filename: "a.pdf", detection: "NEW_VERDICT" }, "junk"],
      headers: [{ name: "From", value: "a@b.c" }, { name: "X" }],
      links: [{ href: "https://x.test" }, { text: "no href" }],
      findings: null,
      threat_categories: [{ id: 1, name: null }],
      sender_info: { ip: "192.0.2.1", as_number: "not a number" },
    });
    expect(unreadable).toBe(3);
    expect(value.attachments).toEqual([{ size: 10, filename: "a.pdf", detection: "NEW_VERDICT" }]);
    expect(value.headers).toHaveLength(1);
    expect(value.links).toHaveLength(1);
    expect(value.findings).toBeNull();
    expect(value.sender_info).toEqual({ ip: "192.0.2.1", as_number: null });
  });

  it("reads a trace with null lines and a missing direction", () => {
    const { value, unreadable } = readReply("trace", { inbound: { lines: null, pending: null } });
    expect(unreadable).toBe(0);
    expect(value).toEqual({ inbound: { lines: null, pending: null } });
  });

  it("skips unreadable trace lines", () => {
    const { value, unreadable } = readReply("trace", { inbound: { lines: [{ lineno: 1, message: "ok" }, 5] }, outbound: { lines: [] } });
    expect(value.inbound?.lines).toEqual([{ lineno: 1, message: "ok" }]);
    expect(unreadable).toBe(1);
  });
});

describe("bulk jobs and their messages", () => {
  it("reads a job with null completed_at, an unknown status and missing counters", () => {
    const { value } = readReply("job", { job_id: "j1", status: "PAUSED", completed_at: null, action_type: "QUARANTINE" });
    expect(value).toEqual({ job_id: "j1", status: "PAUSED", completed_at: null, action_type: "QUARANTINE" });
  });

  it("skips jobs without a job_id", () => {
    const { value, unreadable } = readList("jobs", [{ job_id: "j1" }, { status: "PENDING" }]);
    expect(value).toHaveLength(1);
    expect(unreadable).toBe(1);
  });

  it("reads message rows without the SDK-only `message`", () => {
    const { value, unreadable } = readList("jobMessages", [
      { message_id: "7d1e…", postfix_id: "4Njp3P0STMz2c02Q", status: "COMPLETED", retry_count: 0 },
      { postfix_id: "p2", status: "DEFERRED", message: "not an object" },
      { status: "FAILED" },
    ]);
    expect(unreadable).toBe(1);
    expect(value[0]?.message).toBeUndefined();
    expect(value[1]).toMatchObject({ status: "DEFERRED", message: null });
  });
});

describe("preview and raw", () => {
  it("need the one field they exist for", () => {
    expect(readReply("preview", { screenshot: "iVBOR" }).value.screenshot).toBe("iVBOR");
    expect(() => readReply("preview", { screenshot: null })).toThrow(/could not read/);
    expect(() => readReply("raw", {})).toThrow(/could not read/);
  });
});
