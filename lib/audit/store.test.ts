import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db";
import { AuditStore } from "./store";

const dir = mkdtempSync(join(tmpdir(), "triage-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("AuditStore", () => {
  it("writes a pending record first and completes it after", () => {
    const store = new AuditStore(openDatabase(":memory:"));
    const id = store.begin({ email: "a@x.test", role: "analyst", operation: "move", messageIds: ["m1", "m2"], destination: "Inbox" });
    expect(store.list()[0]).toMatchObject({ id, outcome: "pending", completed_at: null, message_ids: ["m1", "m2"] });
    store.complete(id, "succeeded", 200, [{ success: true }]);
    expect(store.list()[0]).toMatchObject({ outcome: "succeeded", upstream_status: 200, result: [{ success: true }] });
  });

  it("filters by user, operation, outcome and message", () => {
    const store = new AuditStore(openDatabase(":memory:"));
    store.begin({ email: "a@x.test", role: "analyst", operation: "move", messageIds: ["m1"] });
    const b = store.begin({ email: "b@x.test", role: "admin", operation: "release", messageIds: ["m2"] });
    store.complete(b, "failed", 502, { error: "boom" });
    expect(store.list({ email: "B@x.test" }).map((e) => e.id)).toEqual([b]);
    expect(store.list({ operation: "move" })).toHaveLength(1);
    expect(store.list({ outcome: "failed" })).toHaveLength(1);
    expect(store.list({ messageId: "m1" })[0]?.email).toBe("a@x.test");
  });

  it("survives a restart: the file is migrated once and keeps its records", () => {
    const path = join(dir, "nested", "audit.db");
    const first = openDatabase(path);
    new AuditStore(first).begin({ email: "a@x.test", role: "admin", operation: "bulk_job_create", jobId: "j1" });
    first.close();
    const again = openDatabase(path);
    // Four migrations: the audit trail, revoked tokens, sessions, and the approval requests.
    expect(again.pragma("user_version", { simple: true })).toBe(4);
    expect(new AuditStore(again).list()[0]).toMatchObject({ job_id: "j1", outcome: "pending" });
    again.close();
  });
});
