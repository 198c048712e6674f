import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { getEnv } from "@/lib/env";

// Each entry in MIGRATIONS moves the schema one version up; `user_version` records where a file is.
const MIGRATIONS = [
  `CREATE TABLE audit_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     started_at TEXT NOT NULL,
     completed_at TEXT,
     email TEXT NOT NULL,
     role TEXT NOT NULL,
     operation TEXT NOT NULL,
     message_ids TEXT NOT NULL DEFAULT '[]',
     job_id TEXT,
     destination TEXT,
     params TEXT NOT NULL DEFAULT '{}',
     ip TEXT,
     user_agent TEXT,
     outcome TEXT NOT NULL DEFAULT 'pending',
     upstream_status INTEGER,
     result TEXT
   );
   CREATE INDEX audit_events_started ON audit_events (started_at);
   CREATE INDEX audit_events_email ON audit_events (email, started_at);
   CREATE TABLE audit_event_messages (
     event_id INTEGER NOT NULL REFERENCES audit_events (id),
     message_id TEXT NOT NULL
   );
   CREATE INDEX audit_event_messages_message ON audit_event_messages (message_id);`,
  // Sessions ended by signing out: their tokens stay refused until they would have expired anyway.
  `CREATE TABLE revoked_sessions (
     jti TEXT PRIMARY KEY,
     expires_at INTEGER NOT NULL
   );`,
  // A session is a server-side row fixed at sign-in: the cookie only carries its id, so signing out,
  // "sign out everywhere", an admin ending it, or its absolute expiry end it on every path at once.
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL,
     role TEXT NOT NULL,
     provider TEXT NOT NULL,
     groups TEXT NOT NULL DEFAULT '[]',
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER,
     revoked_by TEXT,
     last_seen INTEGER NOT NULL
   );
   CREATE INDEX sessions_email ON sessions (email, expires_at);
   DROP TABLE revoked_sessions;`,
  // A risky bulk job waits here for a second admin. Only lib/approvals/store.ts reads or writes it.
  `CREATE TABLE approval_requests (
     id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     requested_by TEXT NOT NULL,
     action TEXT NOT NULL,
     destination TEXT,
     comment TEXT,
     body TEXT NOT NULL,
     reasons TEXT NOT NULL,
     sample TEXT NOT NULL,
     matched INTEGER NOT NULL,
     matched_more INTEGER NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending',
     decided_by TEXT,
     decided_at INTEGER,
     decision_reason TEXT,
     job_id TEXT,
     last_error TEXT
   );
   CREATE INDEX approval_requests_status ON approval_requests (status, expires_at);
   CREATE INDEX approval_requests_job ON approval_requests (job_id);`,
];

/** Opens (creating and migrating as needed) the console's embedded database. */
export function openDatabase(path: string): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  const version = db.pragma("user_version", { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}


const globalForDb = globalThis as unknown as { __triageDb?: Database.Database };

/** The console's one database file (DATABASE_URL): the audit trail and the sessions. */
export function getDatabase(): Database.Database {
  globalForDb.__triageDb ??= openDatabase(getEnv().databasePath);
  return globalForDb.__triageDb;
}
