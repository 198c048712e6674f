"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Message } from "@/lib/cloudflare/types";
import type { CampaignSummary, Coverage, Overview } from "@/lib/overview/types";
import { filtersToSearchParams, effectiveFilters, type MessageUrlState } from "@/lib/messages/search-url";
import { requestJson } from "./http";

const BASE = "/api/email-security/investigate/overview";

export type OverviewSearch = Pick<MessageUrlState, "filters" | "range">;

// The range stays relative in the key, as for the list: returning to the page hits the cache.
export const overviewKeys = {
  all: ["overview"] as const,
  search: (search: OverviewSearch) => [...overviewKeys.all, "search", search] as const,
  campaign: (id: string, search: OverviewSearch) => [...overviewKeys.all, "campaign", id, search] as const,
};

/** The overview's query string: the search's filters, a relative range resolved now. */
export function overviewParams(search: OverviewSearch, now = Date.now()): string {
  return filtersToSearchParams(effectiveFilters(search, now)).toString();
}

async function getOverview(search: OverviewSearch, signal?: AbortSignal): Promise<Overview> {
  const { body } = await requestJson<{ result: Overview }>(`${BASE}?${overviewParams(search)}`, { signal });
  return body.result;
}

export function overviewQueryOptions(search: OverviewSearch) {
  // Five reads of the account's budget each time: kept a while rather than refetched on focus.
  return queryOptions({ queryKey: overviewKeys.search(search), queryFn: ({ signal }) => getOverview(search, signal), staleTime: 60_000, refetchOnWindowFocus: false });
}

export function useOverview(search: OverviewSearch, options: { enabled: boolean }) {
  return useQuery({ ...overviewQueryOptions(search), enabled: options.enabled });
}

/**
 * How many messages the search matches, as the overview counted them: "584 in all", "more than
 * 5,000 in all"; undefined until the overview (which this never fetches) has run.
 */
export function useMatchCountText(search: OverviewSearch): string | undefined {
  const { data } = useQuery({ ...overviewQueryOptions(search), enabled: false });
  if (!data || data.coverage.incomplete) return undefined;
  const { counted, more, limit } = data.coverage;
  return more ? `more than ${limit.toLocaleString("en-US")} in all` : `${counted.toLocaleString("en-US")} in all`;
}

export interface CampaignPage {
  campaign: CampaignSummary;
  messages: Message[];
  coverage: Coverage;
}

async function getCampaign(id: string, search: OverviewSearch, signal?: AbortSignal): Promise<CampaignPage> {
  const { body } = await requestJson<{ result: Message[]; campaign: CampaignSummary; coverage: Coverage }>(
    `${BASE}/campaigns/${encodeURIComponent(id)}?${overviewParams(search)}`,
    { signal },
  );
  return { messages: body.result, campaign: body.campaign, coverage: body.coverage };
}

export function campaignQueryOptions(id: string, search: OverviewSearch) {
  return queryOptions({ queryKey: overviewKeys.campaign(id, search), queryFn: ({ signal }) => getCampaign(id, search, signal), staleTime: 60_000, refetchOnWindowFocus: false });
}

export function useCampaign(id: string, search: OverviewSearch) {
  return useQuery(campaignQueryOptions(id, search));
}
