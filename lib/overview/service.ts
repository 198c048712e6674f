import "server-only";
import type { Message } from "@/lib/cloudflare";
import { AppError } from "@/lib/errors";
import type { SearchFilters } from "@/lib/schemas/search";
import { findCampaign } from "./campaigns";
import { collectNewest } from "./collect";
import { computeOverview } from "./compute";
import type { CampaignSummary, Coverage, Overview } from "./types";

/** The overview of a search: its newest matches (up to OVERVIEW_MAX_MESSAGES), summarised. */
export async function getOverview(search: SearchFilters): Promise<Overview> {
  const { messages, coverage } = await collectNewest(search);
  return computeOverview(messages, coverage, search, Date.now());
}

export interface CampaignMessages {
  campaign: CampaignSummary;
  messages: Message[];
  coverage: Coverage;
}

/** One campaign of a search's overview, with its messages (newest first, as the search lists them). */
export async function getCampaign(search: SearchFilters, id: string): Promise<CampaignMessages> {
  const { messages, coverage } = await collectNewest(search);
  const overview = computeOverview([], coverage, search, Date.now());
  const frame = { start: Date.parse(overview.histogram.start), bucketMs: overview.histogram.bucketMs, buckets: overview.histogram.buckets };
  const found = findCampaign(messages, frame, id);
  if (!found) {
    throw new AppError("not_found", `No campaign ${id.slice(0, 24)}… among the ${coverage.counted.toLocaleString("en-US")} newest messages of this search.`);
  }
  const { members, ...campaign } = found;
  return { campaign, messages: members.map((i) => messages[i]!), coverage };
}
