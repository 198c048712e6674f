import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "./env";

// An outsider, never signed in, tries to grow the audit table and to write lines of their own into
// the server log: a flood of failed sign-ins, and the OIDC callback's `?error=` text with a
// newline and a forged log line in it. Failures are one audit row per reason, account and address
// a minute with a count; the text reaches the log escaped, on the line it belongs to.

test.use({ storageState: { cookies: [], origins: [] } });

const FORGED = `[triage] forged-${Date.now()} admin@e2e.test approved everything`;

/** Failed sign-in rows started since `since`, with how many attempts each one counts. */
function signInRows(since: Date): { reason: string; attempts?: number }[] {
  const db = new Database(E2E.serverEnv.DATABASE_URL, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT params FROM audit_events WHERE operation = 'sign_in' AND outcome = 'failed' AND started_at >= ?")
      .all(since.toISOString()) as { params: string }[];
    return rows.map((r) => JSON.parse(r.params) as { reason: string; attempts?: number });
  } catch {
    return [];
  } finally {
    db.close();
  }
}

async function wrongPassword(request: APIRequestContext, csrfToken: string, email: string) {
  const reply = await request.post("/api/auth/callback/local", { form: { csrfToken, email, password: "guess" }, maxRedirects: 0 });
  expect(reply.status()).toBe(302);
}

test("a flood of failed sign-ins is a few audit rows with counts, and callback text cannot forge a log line", async ({ request }) => {
  test.setTimeout(120_000);
  const started = new Date();

  // Sixty guesses at sixty emails nobody has (new limiter keys and rows today), then sixty callback errors.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let i = 0; i < 60; i++) await wrongPassword(request, csrfToken, `flood-${Date.now()}-${i}@e2e.test`);
  const error = encodeURIComponent(`server_error\n${FORGED}\r\n\u202e`);
  for (let i = 0; i < 60; i++) {
    const reply = await request.get(`/api/auth/callback/oidc?error=${error}`, { maxRedirects: 0 });
    expect(reply.status()).toBe(302);
  }

  // At most one new row per reason (a row opened by an earlier attempt in the same minute may
  // count these too); their counts are written within a second or two of the last attempt.
  expect(signInRows(started).length).toBeLessThanOrEqual(2);
  const windowStart = new Date(started.getTime() - 60_000);
  const attempts = (reason: string) => signInRows(windowStart).filter((r) => r.reason === reason).reduce((n, r) => n + (r.attempts ?? 1), 0);
  await expect.poll(() => attempts("unknown_account"), { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
  await expect.poll(() => attempts("oidc_error"), { timeout: 15_000 }).toBeGreaterThanOrEqual(60);

  // The provider's text is in the log, escaped, inside the console's own line: no line of its own.
  const log = readFileSync(E2E.serverLog, "utf8");
  expect(log).toContain(`server_error\\n${FORGED}`);
  expect(log.split("\n").some((line) => line.startsWith(FORGED))).toBe(false);
  expect(log).not.toContain("\u202e");
});
