import "server-only";
import { scanReads, scanSearch } from "@/lib/approvals/scan";
import { getEnv } from "@/lib/env";
import { z } from "zod";
import { checkDateRange, messageFilterShape, type MessageSearch } from "@/lib/schemas/search";
import type { BulkMatchCount } from "./count-words";

/**
 * Counting stops here (or at the approval threshold, if that is higher): a few upstream pages,
 * enough to tell a campaign from a flood. Past it the form says "more than".
 */
export const BULK_COUNT_CAP = 2000;

/** The job's search as the search operation takes it: its filters only, no paging. */
export const bulkCountQuerySchema = z.strictObject({ ...messageFilterShape }).superRefine(checkDateRange);

/**
 * How many messages a bulk job's search matches now, by the same paging the approval rule counts
 * with (lib/approvals/scan.ts), so the form and the server's decision cannot disagree on method.
 */
const countCap = () => Math.max(BULK_COUNT_CAP, getEnv().limits.bulkApprovalThreshold);

/** What one count costs upstream (the pages up to the cap), taken from the caller's share before it starts. */
export const bulkCountReads = (): number => scanReads(countCap());

export async function countBulkSearch(search: MessageSearch): Promise<BulkMatchCount> {
  const threshold = getEnv().limits.bulkApprovalThreshold;
  const cap = countCap();
  const scan = await scanSearch(search, cap);
  return {
    matched: Math.min(scan.matched, cap),
    more: scan.more,
    cap,
    approval_threshold: threshold,
    ...(scan.incomplete ? { incomplete: scan.incomplete } : {}),
  };
}
