"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedView } from "@/lib/views/types";
import { requestJson } from "./http";

const BASE = "/api/views";

export const viewKeys = { all: ["views"] as const };

/** My saved views and the team's shared ones (GET /api/views). */
export function useSavedViews() {
  return useQuery({
    queryKey: viewKeys.all,
    queryFn: async ({ signal }) => (await requestJson<{ result: SavedView[] }>(BASE, { signal })).body.result,
  });
}

const send = async (url: string, method: string, body?: unknown) =>
  (await requestJson<{ result: SavedView }>(url, { method, body: body === undefined ? undefined : JSON.stringify(body) })).body.result;

function useViewMutation<V>(call: (variables: V) => Promise<SavedView>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSettled: () => queryClient.invalidateQueries({ queryKey: viewKeys.all }) });
}

export const useCreateView = () =>
  useViewMutation((body: { name: string; query: string; shared: boolean }) => send(BASE, "POST", body));

export const useUpdateView = () =>
  useViewMutation(({ id, ...body }: { id: string; name?: string; shared?: boolean }) => send(`${BASE}/${encodeURIComponent(id)}`, "PATCH", body));

export const useDeleteView = () => useViewMutation((id: string) => send(`${BASE}/${encodeURIComponent(id)}`, "DELETE"));
