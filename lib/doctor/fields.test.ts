import { describe, expect, it } from "vitest";
import { toAllowPolicy } from "@/lib/cloudflare/policies";
import { allowPolicyReplySchema } from "@/lib/cloudflare/reply-schemas";
import { readList, readReply } from "@/lib/cloudflare/reply-shapes";
import { FieldWatcher } from "./fields";

describe("FieldWatcher: what the console's own reader reads", () => {
  it("names top-level fields the reader wanted and no entry had, and fields no reader wanted", () => {
    const watch = new FieldWatcher();
    const read = readList("messages", watch.watch([
      { id: "a", subject: "s", brand_new_field: 1, ts: "old" },
      { id: "b", subject: "t", from: "x@y.test" },
    ]));
    expect(read.value.map((m) => m.id)).toEqual(["a", "b"]);
    const { missing, unknown } = watch.report();
    // `from` came in one entry of two: present. `scanned_at` in none: missing.
    expect(missing).toContain("scanned_at");
    expect(missing).not.toContain("from");
    expect(missing).not.toContain("subject");
    // `ts` is deprecated: never missing, and unknown when sent (the console reads scanned_at).
    expect(unknown).toEqual(["brand_new_field", "ts"]);
  });

  it("reads the same through the fast lane and through zod (a wrong-typed field sends an entry to zod)", () => {
    const fast = new FieldWatcher();
    readList("messages", fast.watch([{ id: "a", subject: "s" }]));
    const slow = new FieldWatcher();
    readList("messages", slow.watch([{ id: "a", subject: 5 }]));
    expect(fast.report()).toEqual(slow.report());
  });

  it("watches nested objects and lists for unknown fields, but counts missing only at the top", () => {
    const watch = new FieldWatcher();
    readReply("detections", watch.watch({ action: "x", sender_info: { ip: "192.0.2.1", extra: 1 }, headers: [{ name: "a", value: "b", odd: true }] }));
    const { missing, unknown } = watch.report();
    expect(unknown).toEqual(["headers[].odd", "sender_info.extra"]);
    expect(missing).not.toContain("sender_info.as_name");
    expect(missing).toContain("validation");
  });

  it("follows a mapper that reads a deprecated field only as a fallback", () => {
    const watch = new FieldWatcher();
    const flags = { is_trusted_sender: false, is_acceptable_sender: true, is_exempt_recipient: false };
    const raw = { id: 1, pattern: "a@b.test", modified_at: "2026-01-01T00:00:00Z", ...flags, is_sender: true };
    toAllowPolicy(watch.watch(allowPolicyReplySchema.parse(raw)));
    const { missing, unknown } = watch.report();
    // Beside the current flags the alias is never read; on an old entry without them it is.
    expect(unknown).toContain("is_sender");
    const old = new FieldWatcher();
    toAllowPolicy(old.watch(allowPolicyReplySchema.parse({ id: 2, pattern: "c@d.test", modified_at: "2026-01-01T00:00:00Z", is_sender: true })));
    expect(old.report().unknown).not.toContain("is_sender");
    // last_modified is read only when modified_at is absent, and is deprecated anyway.
    expect(missing).not.toContain("last_modified");
  });

  it("leaves the reader's answer unchanged", () => {
    const raw = { action: "x", headers: [{ name: "a", value: "b" }], validation: { spf: "pass" } };
    expect(readReply("detections", new FieldWatcher().watch(raw))).toEqual(readReply("detections", raw));
  });
});
