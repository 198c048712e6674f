"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AuditEvent } from "@/lib/audit/types";
import type { AuditQuery } from "@/lib/schemas/audit";
import { requestJson } from "./http";

export interface AuditPage {
  result: AuditEvent[];
  result_info: { count: number; per_page: number; page: number; has_more: boolean };
}

export const auditKeys = {
  all: ["audit"] as const,
  list: (query: AuditQuery) => [...auditKeys.all, "list", query] as const,
};

/** The same query as a query string, for the API and for the CSV export link. */
export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: async ({ signal }) =>
      (await requestJson<AuditPage>(`/api/audit?${auditQueryString(query)}`, { signal })).body,
    placeholderData: keepPreviousData,
  });
}

