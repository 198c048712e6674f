import "server-only";
import type { Selectable } from "kysely";
import { getDb, type Db } from "@/lib/db";
import type { SavedViewsTable } from "@/lib/db/schema";
import { viewNameKey, type SavedView } from "./types";

// Every query on saved views, in Kysely's builder, so the same code runs on SQLite and PostgreSQL.
// Who may do what is decided in service.ts; the store only keeps one name per owner (the unique
// index on owner + name_key, which also settles two saves racing on two instances).

export interface NewSavedView {
  id: string;
  owner: string;
  name: string;
  query: string;
  shared: boolean;
  now: number;
}

/** The owner already has a view by that name (compared without case or surrounding spaces). */
export class ViewNameTaken extends Error {
  override name = "ViewNameTaken";
}

export interface SavedViewStore {
  /** @throws ViewNameTaken */
  create(view: NewSavedView): Promise<SavedView>;
  get(id: string): Promise<SavedView | undefined>;
  /** The person's own views and everyone's shared ones, by name. */
  listVisibleTo(email: string): Promise<SavedView[]>;
  countOwnedBy(owner: string): Promise<number>;
  /** @throws ViewNameTaken */
  update(id: string, changes: { name?: string; shared?: boolean }, now: number): Promise<SavedView | undefined>;
  delete(id: string): Promise<boolean>;
}

type Row = Selectable<SavedViewsTable>;

function fromRow(row: Row): SavedView {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    shared: row.shared === 1,
    owner: row.owner,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** SQLite (better-sqlite3) and PostgreSQL (pg) name a unique-index violation differently. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

const owned = (email: string) => email.toLowerCase();

export class KyselySavedViewStore implements SavedViewStore {
  constructor(private readonly db: Db) {}

  async create(v: NewSavedView): Promise<SavedView> {
    try {
      await this.db
        .insertInto("saved_views")
        .values({
          id: v.id,
          owner: owned(v.owner),
          name: v.name,
          name_key: viewNameKey(v.name),
          query: v.query,
          shared: v.shared ? 1 : 0,
          created_at: v.now,
          updated_at: v.now,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ViewNameTaken(v.name);
      throw err;
    }
    return (await this.get(v.id))!;
  }

  async get(id: string): Promise<SavedView | undefined> {
    const row = await this.db.selectFrom("saved_views").selectAll().where("id", "=", id).executeTakeFirst();
    return row && fromRow(row);
  }

  async listVisibleTo(email: string): Promise<SavedView[]> {
    const rows = await this.db
      .selectFrom("saved_views")
      .selectAll()
      .where((eb) => eb.or([eb("owner", "=", owned(email)), eb("shared", "=", 1)]))
      .orderBy("name_key")
      .orderBy("owner")
      .limit(500)
      .execute();
    return rows.map(fromRow);
  }

  async countOwnedBy(owner: string): Promise<number> {
    const row = await this.db
      .selectFrom("saved_views")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("owner", "=", owned(owner))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(id: string, changes: { name?: string; shared?: boolean }, now: number): Promise<SavedView | undefined> {
    try {
      await this.db
        .updateTable("saved_views")
        .set({
          ...(changes.name !== undefined ? { name: changes.name, name_key: viewNameKey(changes.name) } : {}),
          ...(changes.shared !== undefined ? { shared: changes.shared ? 1 : 0 } : {}),
          updated_at: now,
        })
        .where("id", "=", id)
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ViewNameTaken(changes.name ?? "");
      throw err;
    }
    return this.get(id);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("saved_views").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}

/** The process's store over the console database (opened and migrated once). */
export async function getSavedViewStore(): Promise<SavedViewStore> {
  return new KyselySavedViewStore(await getDb());
}
