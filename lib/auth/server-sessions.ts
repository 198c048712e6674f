import "server-only";
import { randomBytes } from "node:crypto";
import { getDatabase } from "@/lib/db";
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

/** Starts a session at sign-in; its expiry can never move later. */
export function createServerSession(input: {
  email: string;
  role: Role;
  provider: SignInProvider;
  groups?: readonly string[];
}): ServerSession {
  const db = getDatabase();
  const now = nowSeconds();
  const id = randomBytes(24).toString("base64url");
  db.prepare(
    `INSERT INTO sessions (id, email, role, provider, groups, created_at, expires_at, last_seen)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.email.toLowerCase(), input.role, input.provider, JSON.stringify(input.groups ?? []), now, now + SESSION_SECONDS, now);
  // Sessions past their expiry are refused anyway; forget the old ones so the table stays small.
  db.prepare("DELETE FROM sessions WHERE expires_at < ?").run(now - 7 * 24 * 60 * 60);
  return findServerSession(id)!;
}

/** One primary-key lookup: cheap enough for every request. */
export function findServerSession(id: string): ServerSession | null {
  const row = getDatabase().prepare("SELECT * FROM sessions WHERE id = ?").get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

export function touchServerSession(id: string): void {
  const now = nowSeconds();
  getDatabase()
    .prepare("UPDATE sessions SET last_seen = ? WHERE id = ? AND last_seen < ?")
    .run(now, id, now - LAST_SEEN_GRANULARITY_SECONDS);
}

/** Ends one session (signing out). `by` is who ended it, for the record. */
export function revokeServerSession(id: string, by: string): boolean {
  const info = getDatabase()
    .prepare("UPDATE sessions SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
    .run(nowSeconds(), by, id);
  return info.changes > 0;
}

/** Ends every live session of a user ("sign out everywhere", or an admin's decision); returns how many. */
export function revokeUserSessions(email: string, by: string): number {
  const now = nowSeconds();
  const info = getDatabase()
    .prepare("UPDATE sessions SET revoked_at = ?, revoked_by = ? WHERE email = ? AND revoked_at IS NULL AND expires_at > ?")
    .run(now, by, email.trim().toLowerCase(), now);
  return info.changes;
}

/** Live sessions grouped by user, most recently active first: what an admin may end. */
export function listActiveSessions(): ActiveSessionsOfUser[] {
  const rows = getDatabase()
    .prepare(
      `SELECT email, COUNT(*) AS sessions, MIN(created_at) AS first_sign_in, MAX(last_seen) AS last_seen,
              (SELECT role FROM sessions s2 WHERE s2.email = s.email ORDER BY created_at DESC LIMIT 1) AS role
       FROM sessions s WHERE revoked_at IS NULL AND expires_at > ?
       GROUP BY email ORDER BY last_seen DESC LIMIT 500`,
    )
    .all(nowSeconds()) as { email: string; sessions: number; first_sign_in: number; last_seen: number; role: Role }[];
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  return rows.map((r) => ({
    email: r.email,
    role: r.role,
    sessions: r.sessions,
    firstSignIn: iso(r.first_sign_in),
    lastSeen: iso(r.last_seen),
  }));
}
