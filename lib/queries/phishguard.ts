"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { PhishguardQuery, PhishguardReport } from "@/lib/phishguard/types";
import { requestJson } from "./http";

export const phishguardKeys = {
  all: ["phishguard"] as const,
  reports: (days: number) => [...phishguardKeys.all, "reports", days] as const,
};

/** The last `days` days, to the minute, as the route takes them. */
function rangeQuery(days: number, now = Date.now()): PhishguardQuery {
  const end = Math.floor(now / 60_000) * 60_000;
  return { start: new Date(end - days * 86_400_000).toISOString(), end: new Date(end).toISOString() };
}

export function phishguardReportsQueryOptions(days: number) {
  return queryOptions({
    queryKey: phishguardKeys.reports(days),
    queryFn: async ({ signal }) =>
      (await requestJson<{ result: PhishguardReport[]; unreadable: number }>(`/api/email-security/phishguard/reports?${new URLSearchParams(rangeQuery(days) as Record<string, string>).toString()}`, { signal })).body,
  });
}

export function usePhishguardReports(days: number) {
  return useQuery(phishguardReportsQueryOptions(days));
}
