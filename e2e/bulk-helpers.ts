import { expect, type Locator } from "@playwright/test";
import type { JobProgress } from "../lib/bulk/progress";
import type { BulkJob } from "../lib/cloudflare/types";
import { E2E } from "./env";
import { simulator } from "./fixtures";

// Shared by the bulk journeys: the simulator's own copy of the bulk-job API, asked directly with
// the fake token, to set up jobs and to check the UI against the truth.

async function upstream<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${E2E.cloudflareApi}/bulk${path}`, {
    method,
    headers: { authorization: `Bearer ${E2E.apiToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} bulk${path}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { result: T }).result;
}

export const bulkUpstream = {
  create: (body: Record<string, unknown>) => upstream<BulkJob>("POST", "", body),
  get: (id: string) => upstream<BulkJob>("GET", `/${id}`),
  list: () => upstream<BulkJob[]>("GET", "?per_page=1000"),
  cancel: (id: string) => upstream<BulkJob>("POST", `/${id}/cancel`),
  /** Jobs other journeys left running would keep the dashboard polling; stop them. */
  async cancelActive(): Promise<void> {
    for (const job of await bulkUpstream.list()) {
      if (["PENDING", "DISCOVERING", "PROCESSING"].includes(job.status ?? "")) await bulkUpstream.cancel(job.job_id).catch(() => undefined);
    }
  },
  async waitUntilFinished(id: string): Promise<BulkJob> {
    await expect.poll(async () => (await bulkUpstream.get(id)).status, { timeout: 30_000 }).toMatch(/^(COMPLETED|FAILED|CANCELLED)$/);
    return bulkUpstream.get(id);
  },
};

/** Every message a search matches, following cursors, as the simulator answers it. */
export async function countMatches(query: Record<string, string>): Promise<number> {
  let total = 0;
  let cursor: string | null | undefined = null;
  do {
    const page = await simulator.search({ ...query, per_page: "1000", ...(cursor ? { cursor } : {}) });
    total += page.result.length;
    cursor = page.result_info.next;
  } while (cursor);
  return total;
}

export type Counts = Pick<JobProgress, "done" | "discovered" | "successful" | "failed" | "skipped" | "cancelled" | "pending">;

/** The counters a progress bar states in words (its aria-valuetext). */
export async function progressCounts(bar: Locator): Promise<Counts | null> {
  const text = (await bar.getAttribute("aria-valuetext")) ?? "";
  const m = /^(\d+) of (\d+) processed: (\d+) successful, (\d+) failed, (\d+) skipped, (\d+) cancelled, (\d+) pending$/.exec(text);
  if (!m) return null;
  const [done, discovered, successful, failed, skipped, cancelled, pending] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  return { done, discovered, successful, failed, skipped, cancelled, pending };
}
