import { sql, type Kysely, type Migration } from "kysely";

export type Engine = "sqlite" | "postgres";

// One list of migrations for both engines, applied in name order by Kysely's Migrator (which
// holds a lock while it runs: an advisory lock on PostgreSQL, the single connection on SQLite).
// Only the identity column differs between the dialects. Add a new entry at the end; never edit
// one that has shipped. Tables are created "if not exists" in the first one so a file made before
// Kysely (schema tracked by `PRAGMA user_version`) is adopted as it is.
export function migrations(engine: Engine): Record<string, Migration> {
  return {
    "0001_audit_and_sessions": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("audit_events")
          .ifNotExists()
          .addColumn("id", engine === "postgres" ? "bigserial" : "integer", (c) =>
            engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("started_at", "text", (c) => c.notNull())
          .addColumn("completed_at", "text")
          .addColumn("email", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("operation", "text", (c) => c.notNull())
          .addColumn("message_ids", "text", (c) => c.notNull().defaultTo("[]"))
          .addColumn("job_id", "text")
          .addColumn("destination", "text")
          .addColumn("params", "text", (c) => c.notNull().defaultTo("{}"))
          .addColumn("ip", "text")
          .addColumn("user_agent", "text")
          .addColumn("outcome", "text", (c) => c.notNull().defaultTo("pending"))
          .addColumn("upstream_status", "integer")
          .addColumn("result", "text")
          .execute();
        await db.schema.createIndex("audit_events_started").ifNotExists().on("audit_events").column("started_at").execute();
        await db.schema.createIndex("audit_events_email").ifNotExists().on("audit_events").columns(["email", "started_at"]).execute();
        await db.schema
          .createTable("audit_event_messages")
          .ifNotExists()
          .addColumn("event_id", engine === "postgres" ? "bigint" : "integer", (c) => c.notNull().references("audit_events.id"))
          .addColumn("message_id", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("audit_event_messages_message")
          .ifNotExists()
          .on("audit_event_messages")
          .column("message_id")
          .execute();
        // A session is a server-side row fixed at sign-in: the cookie only carries its id, so
        // signing out, "sign out everywhere", an admin ending it, or its absolute expiry end it
        // on every path (and every instance) at once.
        await db.schema
          .createTable("sessions")
          .ifNotExists()
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("email", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("provider", "text", (c) => c.notNull())
          .addColumn("groups", "text", (c) => c.notNull().defaultTo("[]"))
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .addColumn("revoked_at", "bigint")
          .addColumn("revoked_by", "text")
          .addColumn("last_seen", "bigint", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("sessions_email").ifNotExists().on("sessions").columns(["email", "expires_at"]).execute();
        // Left by the first embedded schema (revocations before server sessions existed).
        await sql`DROP TABLE IF EXISTS revoked_sessions`.execute(db);
      },
    },
    // A risky bulk job waits here for a second admin; only lib/approvals/store.ts reads or writes
    // it. "If not exists" again: an embedded file at schema version 4 already has it.
    "0002_approval_requests": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("approval_requests")
          .ifNotExists()
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .addColumn("requested_by", "text", (c) => c.notNull())
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("destination", "text")
          .addColumn("comment", "text")
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("reasons", "text", (c) => c.notNull())
          .addColumn("sample", "text", (c) => c.notNull())
          .addColumn("matched", "integer", (c) => c.notNull())
          .addColumn("matched_more", "integer", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
          .addColumn("decided_by", "text")
          .addColumn("decided_at", "bigint")
          .addColumn("decision_reason", "text")
          .addColumn("job_id", "text")
          .addColumn("last_error", "text")
          .execute();
        await db.schema
          .createIndex("approval_requests_status")
          .ifNotExists()
          .on("approval_requests")
          .columns(["status", "expires_at"])
          .execute();
        await db.schema.createIndex("approval_requests_job").ifNotExists().on("approval_requests").column("job_id").execute();
      },
    },
    // Saved searches (lib/views/store.ts). `name_key` is the name as compared (trimmed, case
    // folded), so "Phish" and "phish " are one name per owner, enforced by the unique index even
    // when two saves race on two instances.
    "0003_saved_views": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("saved_views")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("owner", "text", (c) => c.notNull())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("name_key", "text", (c) => c.notNull())
          .addColumn("query", "text", (c) => c.notNull())
          .addColumn("shared", "integer", (c) => c.notNull().defaultTo(0))
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("updated_at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("saved_views_owner_name").unique().on("saved_views").columns(["owner", "name_key"]).execute();
        await db.schema.createIndex("saved_views_shared").on("saved_views").column("shared").execute();
      },
    },
  };
}
