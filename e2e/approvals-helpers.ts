import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";
import { E2E } from "./env";
export { signInAs } from "./sign-in";

// Shared by the approval journeys: a second admin in a browser of their own, and a request made old.

/** The request's id, from the link the bulk form's "Sent for approval" notice gives. */
export async function sentForApprovalId(page: Page): Promise<string> {
  const notice = page.getByRole("status").filter({ hasText: "Sent for approval" });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  const href = await notice.getByRole("link", { name: "Open the approval request" }).getAttribute("href");
  const id = /\/approvals\/([0-9a-f-]{36})$/.exec(href ?? "")?.[1];
  expect(id, `a request link, got ${href}`).toBeTruthy();
  return id!;
}

/** Asks for a bulk job through the console's API as the page's user (same origin, as the form does). */
export async function requestBulkJob(page: Page, body: Record<string, unknown>): Promise<{ status: number; json: any }> {
  const response = await page.request.post("/api/email-security/investigate/bulk", { data: body, headers: { origin: E2E.consoleUrl } });
  return { status: response.status(), json: await response.json() };
}

export async function decide(page: Page, id: string, verdict: "approve" | "reject", reason: string) {
  const response = await page.request.post(`/api/approvals/${id}/${verdict}`, { data: { reason }, headers: { origin: E2E.consoleUrl } });
  return { status: response.status(), json: await response.json() };
}

/**
 * Moves a request 25 hours into the past by writing the e2e server's own database file (the
 * table the Kysely migration 0002_approval_requests creates): a path
 * only a test on the same machine has, never an endpoint. (The route tests use the approvals'
 * injected clock instead.)
 */
export function ageApprovalRequest(id: string): void {
  const db = new Database(E2E.serverEnv.DATABASE_URL);
  // The running console holds the same file (WAL); wait for its write lock rather than fail.
  db.pragma("busy_timeout = 5000");
  try {
    const hours25 = 25 * 3600 * 1000;
    const info = db.prepare("UPDATE approval_requests SET created_at = created_at - ?, expires_at = expires_at - ? WHERE id = ?").run(hours25, hours25, id);
    expect(info.changes).toBe(1);
  } finally {
    db.close();
  }
}
