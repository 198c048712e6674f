import { afterAll, beforeAll } from "vitest";
import { openDb, type Db } from "@/lib/db";
import { freshDatabase, startPostgres, type TestServer } from "./backends";

export type StoreEngine = "sqlite" | "postgres";
export const STORE_ENGINES = ["sqlite", "postgres"] as const satisfies readonly StoreEngine[];

/**
 * Store tests run on both engines: one PostgreSQL for the file (CI's, or one started here), an
 * empty migrated database per test, everything closed and dropped when the file ends. Call at the
 * top of a test file.
 */
export function useStoreBackends() {
  let postgres: TestServer | undefined;
  const dropped: (() => Promise<void>)[] = [];
  const opened: Db[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const db of opened) await db.destroy();
    for (const drop of dropped) await drop();
    await postgres?.stop();
  });

  /** A new, empty PostgreSQL database on the file's server, dropped when the file ends. */
  async function freshPostgresUrl(): Promise<string> {
    const fresh = await freshDatabase(postgres!.url);
    dropped.push(fresh.drop);
    return fresh.url;
  }

  /** Databases the test opened itself, closed when the file ends. */
  function keep(...dbs: Db[]): void {
    opened.push(...dbs);
  }

  /** An empty, migrated database of the engine under test. */
  async function emptyDb(engine: StoreEngine): Promise<Db> {
    const db =
      engine === "sqlite"
        ? await openDb({ engine: "sqlite", path: ":memory:" })
        : await openDb({ engine: "postgres", url: await freshPostgresUrl() });
    keep(db);
    return db;
  }
  return { emptyDb, freshPostgresUrl, keep };
}
