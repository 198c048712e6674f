import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db";
import { migrations } from "@/lib/db/migrations";
import { useStoreBackends } from "@/lib/testing/store-backends";
import { AuditStore } from "./store";

const dir = mkdtempSync(join(tmpdir(), "triage-audit-"));
const { emptyDb, freshPostgresUrl, keep } = useStoreBackends();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(["sqlite", "postgres"] as const)("AuditStore on %s", (engine) => {
  it("writes a pending record first and completes it after", async () => {
    const store = new AuditStore(await emptyDb(engine));
    const id = await store.begin({ email: "a@x.test", role: "analyst", operation: "move", messageIds: ["m1", "m2"], destination: "Inbox" });
    expect((await store.list())[0]).toMatchObject({ id, outcome: "pending", completed_at: null, message_ids: ["m1", "m2"] });
    await store.complete(id, "succeeded", 200, [{ success: true }]);
    expect((await store.list())[0]).toMatchObject({ outcome: "succeeded", upstream_status: 200, result: [{ success: true }] });
  });

  it("filters by user, operation, outcome and message", async () => {
    const store = new AuditStore(await emptyDb(engine));
    await store.begin({ email: "a@x.test", role: "analyst", operation: "move", messageIds: ["m1"] });
    const b = await store.begin({ email: "b@x.test", role: "admin", operation: "release", messageIds: ["m2"] });
    await store.complete(b, "failed", 502, { error: "boom" }, "job-7");
    expect((await store.list({ email: "B@x.test" })).map((e) => e.id)).toEqual([b]);
    expect(await store.list({ operation: "move" })).toHaveLength(1);
    expect(await store.list({ operations: [] })).toHaveLength(0);
    expect(await store.list({ operations: ["move", "release"] })).toHaveLength(2);
    expect(await store.list({ outcome: "failed" })).toMatchObject([{ job_id: "job-7", upstream_status: 502 }]);
    expect((await store.list({ messageId: "m1" }))[0]?.email).toBe("a@x.test");
    expect(await store.list({ limit: 1, offset: 1 })).toHaveLength(1);
  });

  it("lets two instances starting together migrate the same database once", async () => {
    if (engine === "sqlite") {
      const path = join(dir, "together.db");
      const [a, b] = await Promise.all([openDb({ engine, path }), openDb({ engine, path })]);
      keep(a, b);
      await new AuditStore(a).begin({ email: "a@x.test", role: "admin", operation: "bulk_job_create" });
      expect(await new AuditStore(b).list()).toHaveLength(1);
      return;
    }
    const url = await freshPostgresUrl();
    const [a, b] = await Promise.all([openDb({ engine, url }), openDb({ engine, url })]);
    keep(a, b);
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(a);
    // Every migration exactly once (the list grows; the point is that two openers applied none twice).
    expect(applied.rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations("postgres")).sort());
    await new AuditStore(a).begin({ email: "a@x.test", role: "admin", operation: "bulk_job_create", jobId: "j1" });
    expect((await new AuditStore(b).list())[0]).toMatchObject({ job_id: "j1", outcome: "pending" });
  });
});

describe("the embedded file", () => {
  it("survives a restart: migrated once, keeps its records", async () => {
    const path = join(dir, "nested", "audit.db");
    const first = await openDb({ engine: "sqlite", path });
    await new AuditStore(first).begin({ email: "a@x.test", role: "admin", operation: "bulk_job_create", jobId: "j1" });
    await first.destroy();
    const again = await openDb({ engine: "sqlite", path });
    keep(again);
    expect((await new AuditStore(again).list())[0]).toMatchObject({ job_id: "j1", outcome: "pending" });
  });

  it("adopts a file made before Kysely (schema version 3) with its records", async () => {
    const path = join(dir, "legacy.db");
    const legacy = new Database(path);
    legacy.exec(`CREATE TABLE audit_events (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, completed_at TEXT,
      email TEXT NOT NULL, role TEXT NOT NULL, operation TEXT NOT NULL, message_ids TEXT NOT NULL DEFAULT '[]', job_id TEXT,
      destination TEXT, params TEXT NOT NULL DEFAULT '{}', ip TEXT, user_agent TEXT, outcome TEXT NOT NULL DEFAULT 'pending',
      upstream_status INTEGER, result TEXT);
      CREATE TABLE audit_event_messages (event_id INTEGER NOT NULL REFERENCES audit_events (id), message_id TEXT NOT NULL);
      CREATE TABLE sessions (id TEXT PRIMARY KEY, email TEXT NOT NULL, role TEXT NOT NULL, provider TEXT NOT NULL,
      groups TEXT NOT NULL DEFAULT '[]', created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked_at INTEGER,
      revoked_by TEXT, last_seen INTEGER NOT NULL);
      INSERT INTO audit_events (started_at, email, role, operation) VALUES ('2026-01-01T00:00:00.000Z', 'old@x.test', 'admin', 'move');
      PRAGMA user_version = 3;`);
    legacy.close();
    const db = await openDb({ engine: "sqlite", path });
    keep(db);
    expect(await new AuditStore(db).list()).toMatchObject([{ email: "old@x.test", operation: "move" }]);
  });
});
