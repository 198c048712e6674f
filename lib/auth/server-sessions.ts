import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { ActiveSessionsOfUser } from "@/lib/schemas/sessions";
import type { Role } from "./roles";

// The server's record of each sign-in. The cookie is a signed token next-auth re-issues freely (a
// new `jti` and expiry each time), so nothing in it can end a session; this row can, and its
// absolute expiry is fixed here once.

/** A working shift: long enough not to interrupt an incident, short enough that a lost laptop expires. */
export const SESSION_SECONDS = 10 * 60 * 60;

/** How stale `last_seen` may get before a request writes it again (one write a minute, not one a request). */
const LAST_SEEN_GRANULARITY_SECONDS = 60;

export type SignInProvider = "local" | "oidc";

export interface ServerSession {
  id: string;
  email: string;
  role: Role;
  provider: SignInProvider;
  /** The OIDC groups at sign-in, so a role can be re-derived from the current lists. */
  groups: string[];
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  lastSeen: number;
}

interface Row {
  id: string;
  email: string;
  role: Role;
  provider: SignInProvider;
  groups: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  last_seen: number;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

function fromRow(row: Row): ServerSession {
  let groups: string[] = [];
  try {
    const parsed = JSON.parse(row.groups) as unknown;
    if (Array.isArray(parsed)) groups = parsed.filter((g): g is string => typeof g === "string");
  } catch {
    // A damaged list grants nothing.
  }
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    provider: row.provider,
    groups,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastSeen: row.last_seen,
  };
}

/** St/** Starts a session at sign-in; its expiry can never move later. */
export async function createServerSession(input: {
  email: string;
  role: Role;
  provider: SignInProvider;
  groups?: readonly string[];
}): Promise<ServerSession> {
  const db = await getDb();
  const now = nowSeconds();
  const row: Row = {
    id: randomBytes(24).toString("base64url"),
    email: input.email.toLowerCase(),
    role: input.role,
    provider: input.provider,
    groups: JSON.stringify(input.groups ?? []),
    created_at: now,
    expires_at: now + SESSION_SECONDS,
    revoked_at: null,
    last_seen: now,
  };
  await db.insertInto("sessions").values(row).execute();
  // Sessions past their expiry are refused anyway; forget the old ones so the table stays small.
  await db.deleteFrom("sessions").where("expires_at", "<", now - 7 * 24 * 60 * 60).execute();
  return fromRow(row);
}

/** One primary-key lookup: cheap enough for every request. */
export async function findServerSession(id: string): Promise<ServerSession | null> {
  const db = await getDb();
  const row = await db
    .selectFrom("sessions")
    .select(["id", "email", "role", "provider", "groups", "created_at", "expires_at", "revoked_at", "last_seen"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? fromRow(row as Row) : null;
}

/** Writes `last_seen` at most once a minute; callers need not wait for it. */
export async function touchServerSession(session: Pick<ServerSession, "id" | "lastSeen">): Promise<void> {
  const now = nowSeconds();
  // Known fresh from the row just read: no write, not even a query.
  if (session.lastSeen >= now - LAST_SEEN_GRANULARITY_SECONDS) return;
  const db = await getDb();
  await db
    .updateTable("sessions")
    .set({ last_seen: now })
    .where("id", "=", session.id)
    .where("last_seen", "<", now - LAST_SEEN_GRANULARITY_SECONDS)
    .execute();
}

/** Ends one session (signing out). `by` is who ended it, for the record. */
export async function revokeServerSession(id: string, by: string): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: nowSeconds(), revoked_by: by })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every live session of a user ("sign out everywhere", or an admin's decision); returns how many. */
export async function revokeUserSessions(email: string, by: string): Promise<number> {
  const now = nowSeconds();
  const db = await getDb();
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: now, revoked_by: by })
    .where("email", "=", email.trim().toLowerCase())
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Live sessions grouped by user, most recently active first: what an admin may end. */
export async function listActiveSessions(): Promise<ActiveSessionsOfUser[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom("sessions as s")
    .select((eb) => [
      "s.email",
      eb.fn.countAll<number>().as("sessions"),
      eb.fn.min("s.created_at").as("first_sign_in"),
      eb.fn.max("s.last_seen").as("last_seen"),
      eb
        .selectFrom("sessions as s2")
        .select("s2.role")
        .whereRef("s2.email", "=", "s.email")
        .orderBy("s2.created_at", "desc")
        .limit(1)
        .as("role"),
    ])
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", nowSeconds())
    .groupBy("s.email")
    .orderBy("last_seen", "desc")
    .limit(500)
    .execute();
  const iso = (seconds: number) => new Date(Number(seconds) * 1000).toISOString();
  return rows.map((r) => ({
    email: r.email,
    role: r.role as Role,
    sessions: Number(r.sessions),
    firstSignIn: iso(r.first_sign_in),
    lastSeen: iso(r.last_seen),
  }));
}
