import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from "kysely";
import pg from "pg";
import { getEnv, type DatabaseConfig } from "@/lib/env";
import { migrations } from "@/lib/db/migrations";
import type { Schema } from "@/lib/db/schema";

// The console's one query layer (Kysely) over the embedded SQLite file or a shared PostgreSQL.
// Stores take a `Db` and use the query builder only, so the same code runs on both engines; how
// to add a table or port a store is in lib/db/README.md.

export type Db = Kysely<Schema>;

// PostgreSQL returns BIGINT (our second counts, COUNT(*)) as strings; these fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function connect(config: DatabaseConfig): Db {
  if (config.engine === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5000 });
    // An idle connection dropped by the server must not take the process down; the pool reconnects.
    pool.on("error", (err) => console.error(`[triage] database connection lost: ${err.message}`));
    return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  }
  if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
  const file = new Database(config.path);
  file.pragma("journal_mode = WAL");
  file.pragma("foreign_keys = ON");
  // Another process (a second `next start` on the same file) may hold the write lock for a moment.
  file.pragma("busy_timeout = 5000");
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
}

const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely prepares each query's SQL anew, which for the revocation lookup on every API request
 * cost ~0.1 ms; a prepared statement can be run again with new parameters. Bounded, because a
 * query with a variable-length IN list is a new text per length. Safe while no store streams
 * results (`iterate` keeps a statement busy); none does.
 */
function withStatementCache(file: Database.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => file.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text); // re-inserted below: most recently used last
      } else {
        statement = file.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

/**
 * Opens the database and brings its schema up to date. Two instances starting together are safe:
 * Kysely's Migrator takes a lock (pg_advisory_xact_lock on PostgreSQL) and the second one finds
 * the migrations done.
 */
export async function openDb(config: DatabaseConfig): Promise<Db> {
  const db = connect(config);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations(config.engine) } });
  let { error, results } = await migrator.migrateToLatest();
  // SQLite has no lock across connections for the Migrator: a second opener of the same file can
  // lose the race to record a migration the first one just applied. Looking again finds it done.
  if (error && config.engine === "sqlite") ({ error, results } = await migrator.migrateToLatest());
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`[triage] database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return db;
}

const globalForDb = globalThis as unknown as { __triageDb?: Promise<Db> };

/** The console's database (DATABASE_URL): audit trail and sessions, opened and migrated once per process. */
export function getDb(): Promise<Db> {
  if (!globalForDb.__triageDb) {
    const opening = openDb(getEnv().database);
    // A failed start (database down) is tried again by the next caller, not remembered forever.
    opening.catch(() => {
      if (globalForDb.__triageDb === opening) globalForDb.__triageDb = undefined;
    });
    globalForDb.__triageDb = opening;
  }
  return globalForDb.__triageDb;
}

/** Readiness: the database answers a trivial query. */
export async function databaseReady(): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(await getDb());
    return true;
  } catch {
    return false;
  }
}
