import "server-only";
import { listMessages, type Message } from "@/lib/cloudflare";
import { receivedAt } from "@/lib/messages/message-view";
import type { MessageSearch } from "@/lib/schemas/search";
import { countsAsDangerous, type SearchScan } from "./rules";
import type { ApprovalSampleRow } from "./types";

/** As many rows as the bulk form's dry run shows. */
export const SAMPLE_SIZE = 20;
// A reply that keeps naming a next page without ever reaching the threshold is not followed for ever.
const MAX_PAGES = 25;
const PENDING_RETRIES = 5;
const PENDING_WAIT_MS = 400;

function sampleRow(m: Message): ApprovalSampleRow {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    id: m.id,
    from: text(m.from),
    to: Array.isArray(m.to) ? m.to.join(", ") : text(m.to),
    subject: text(m.subject),
    final_disposition: text(m.final_disposition),
    received_at: receivedAt(m),
  };
}

/**
 * Pages the job's search through lib/cloudflare (so the read budget, retries and errors are the
 * search page's), counting up to just past `threshold` and noting malicious messages on the way.
 */
const pageSizeFor = (threshold: number) => Math.min(1000, threshold + 1);

/** The upstream reads a scan up to `threshold` makes when Cloudflare answers at once: what a request that scans is charged before it starts. */
export function scanReads(threshold: number): number {
  return Math.min(MAX_PAGES, Math.ceil((threshold + 1) / pageSizeFor(threshold)));
}

export async function scanSearch(search: MessageSearch, threshold: number): Promise<SearchScan & { sample: ApprovalSampleRow[] }> {
  const perPage = pageSizeFor(threshold);
  const sample: ApprovalSampleRow[] = [];
  let matched = 0;
  let dangerous = 0;
  let cursor: string | undefined;
  let page: number | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    let reply = await listMessages({ ...search, per_page: perPage, ...(cursor ? { cursor } : {}), ...(page ? { page } : {}) });
    for (let tries = 0; reply.pending && tries < PENDING_RETRIES; tries++) {
      await new Promise((resolve) => setTimeout(resolve, PENDING_WAIT_MS));
      reply = await listMessages({ ...search, per_page: perPage, ...(cursor ? { cursor } : {}), ...(page ? { page } : {}) });
    }
    if (reply.pending) return { matched, more: true, dangerous, sample, incomplete: "Cloudflare was still running the search." };
    for (const m of reply.result) {
      if (sample.length < SAMPLE_SIZE) sample.push(sampleRow(m));
      if (countsAsDangerous(m.final_disposition)) dangerous++;
    }
    const rows = reply.result.length + reply.unreadable;
    matched += rows;
    if (matched > threshold) return { matched, more: true, dangerous, sample };
    const next = reply.result_info.next;
    const nextPage = reply.result_info.next_page;
    if (rows === 0 || (!next && !nextPage)) return { matched, more: false, dangerous, sample };
    cursor = next ?? undefined;
    page = next ? undefined : (nextPage ?? undefined);
  }
  return { matched, more: true, dangerous, sample, incomplete: `the search still had more pages after ${MAX_PAGES}.` };
}
