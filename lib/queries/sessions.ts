"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ActiveSessionsOfUser } from "@/lib/schemas/sessions";
import { requestJson } from "./http";

export const sessionKeys = {
  all: ["sessions"] as const,
  active: () => [...sessionKeys.all, "active"] as const,
};

interface Ended {
  email: string;
  ended: number;
}

/** Who is signed in now (admin). */
export function useActiveSessions() {
  return useQuery({
    queryKey: sessionKeys.active(),
    queryFn: async ({ signal }) => (await requestJson<{ result: ActiveSessionsOfUser[] }>("/api/sessions", { signal })).body.result,
  });
}

/** An admin ends every session of one user. */
export function useEndUserSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (email: string) =>
      (await requestJson<{ result: Ended }>("/api/sessions/end", { method: "POST", body: JSON.stringify({ email }) })).body.result,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

/** "Sign out everywhere": ends every session of the signed-in user, this one included. */
export async function endMySessions(): Promise<Ended> {
  return (await requestJson<{ result: Ended }>("/api/sessions/end-mine", { method: "POST" })).body.result;
}
