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

  /** An empty, migrated database of the engine under test. */
  async function emptyDb(engine: StoreEngine): Promise<Db> {
    let db: Db;
    if (engine === "sqlite") db = await openDb({ engine: "sqlite", path: ":memory:" });
    else {
      const fresh = await freshDatabase(postgres!.url);
      dropped.push(fresh.drop);
      db = await openDb({ engine: "postgres", url: fresh.url });
    }
    opened.push(db);
    return db;
  }
  return { emptyDb };
}
