import "server-only";
import { getDatabase } from "@/lib/db";

// A session is a signed token the browser holds; signing out deletes the cookie, but a copy of the
// token would stay valid until it expires. Revoking its id makes signing out end it everywhere.

export function revokeSession(jti: string, expiresAtSeconds: number): void {
  const db = getDatabase();
  db.prepare("INSERT OR IGNORE INTO revoked_sessions (jti, expires_at) VALUES (?, ?)").run(jti, expiresAtSeconds);
  // Tokens past their expiry are refused anyway; forget them so the table stays small.
  db.prepare("DELETE FROM revoked_sessions WHERE expires_at < ?").run(Math.floor(Date.now() / 1000));
}

export function isSessionRevoked(jti: string): boolean {
  return getDatabase().prepare("SELECT 1 FROM revoked_sessions WHERE jti = ?").get(jti) !== undefined;
}
