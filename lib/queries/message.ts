"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditEvent } from "@/lib/audit/types";
import type {
  ActionLogEntry,
  Detections,
  Message,
  Preview,
  RawMessage,
  Trace,
} from "@/lib/cloudflare/types";
import {
  moveOutcomes,
  releaseOutcomes,
  withHeld,
  type ActionOutcome,
  type HeldForApproval,
  type MoveResultItem,
  type ReleaseResultItem,
} from "@/lib/messages/action-outcomes";
import type { Destination, RECLASSIFY_DISPOSITIONS } from "@/lib/schemas/enums";
import { ApiError, requestJson } from "./http";
import { messageKeys } from "./messages";

/**
 * One message and everything the message page shows about it. The keys sit under the search's
 * root key (`messageKeys.all`), so a move made from the search list also refreshes an open
 * message page, and a move made here refreshes the list.
 */

const BASE = "/api/email-security/investigate";
const path = (id: string, rest = "") => `${BASE}/${encodeURIComponent(id)}${rest}`;

export const messagePageKeys = {
  all: (id: string) => [...messageKeys.all, "page", id] as const,
  detail: (id: string) => [...messagePageKeys.all(id), "detail"] as const,
  detections: (id: string) => [...messagePageKeys.all(id), "detections"] as const,
  trace: (id: string) => [...messagePageKeys.all(id), "trace"] as const,
  preview: (id: string) => [...messagePageKeys.all(id), "preview"] as const,
  raw: (id: string) => [...messagePageKeys.all(id), "raw"] as const,
  actionLog: (id: string) => [...messagePageKeys.all(id), "action-log"] as const,
  consoleAudit: (id: string) => [...messagePageKeys.all(id), "console-audit"] as const,
};


async function getResult<T>(url: string, signal?: AbortSignal): Promise<T> {
  const { body } = await requestJson<{ result: T }>(url, { signal });
  return body.result;
}

export function useMessageDetail(id: string, initialData?: Message) {
  return useQuery({
    queryKey: messagePageKeys.detail(id),
    queryFn: ({ signal }) => getResult<Message>(path(id), signal),
    initialData,
    // Server-fetched data is fresh for a moment; without this the page would refetch at once.
    initialDataUpdatedAt: initialData ? Date.now() : undefined,
  });
}

export function useDetections(id: string) {
  return useQuery({
    queryKey: messagePageKeys.detections(id),
    queryFn: ({ signal }) => getResult<Detections>(path(id, "/detections"), signal),
  });
}

export function useTrace(id: string) {
  return useQuery({
    queryKey: messagePageKeys.trace(id),
    queryFn: ({ signal }) => getResult<Trace>(path(id, "/trace"), signal),
    // A trace still being written is worth watching; a finished one never changes by itself.
    refetchInterval: (query) => (query.state.data?.inbound?.pending || query.state.data?.outbound?.pending ? 10_000 : false),
  });
}

/** Null when no preview exists yet (the endpoint's 404): the page offers to generate one. */
export function usePreview(id: string) {
  return useQuery({
    queryKey: messagePageKeys.preview(id),
    queryFn: async ({ signal }) => {
      try {
        return await getResult<Preview>(path(id, "/preview"), signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useRawMessage(id: string) {
  return useQuery({
    queryKey: messagePageKeys.raw(id),
    queryFn: ({ signal }) => getResult<RawMessage>(path(id, "/raw"), signal),
    // The .eml never changes and can be megabytes: fetch it once per visit.
    staleTime: Infinity,
  });
}

export function useActionLog(id: string) {
  return useQuery({
    queryKey: messagePageKeys.actionLog(id),
    queryFn: async ({ signal }) => {
      const { body } = await requestJson<{ result?: ActionLogEntry[] | null; unreadable?: number }>(path(id, "/action_log"), { signal });
      return { entries: body.result ?? [], unreadable: body.unreadable ?? 0 };
    },
  });
}

/**
 * The console's own audit records for the message (who in the team acted). Null when the
 * route is not deployed (404) or the user may not read the trail (403): the section is omitted.
 */
export function useConsoleAudit(id: string) {
  return useQuery({
    queryKey: messagePageKeys.consoleAudit(id),
    queryFn: async ({ signal }) => {
      try {
        return await getResult<AuditEvent[]>(`/api/audit/messages/${encodeURIComponent(id)}`, signal);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }
    },
  });
}

export type ReclassifyDisposition = (typeof RECLASSIFY_DISPOSITIONS)[number];

export type MessageActionResult =
  | { kind: "move"; outcome: ActionOutcome }
  | { kind: "release"; outcome: ActionOutcome }
  | { kind: "reclassify"; outcome: ActionOutcome };

async function moveMessage(id: string, destination: Destination): Promise<MessageActionResult> {
  const { body } = await requestJson<{ result?: MoveResultItem[] | null; approval?: HeldForApproval }>(path(id, "/move"), {
    method: "POST",
    body: JSON.stringify({ destination }),
  });
  const [outcome] = withHeld([id], body.approval, (acted) => moveOutcomes(acted, destination, body.result ?? []));
  return { kind: "move", outcome: outcome ?? { id, ok: false, detail: "Failed: no result returned" } };
}

async function releaseMessage(id: string, aliases: readonly (string | null | undefined)[]): Promise<MessageActionResult> {
  const { body } = await requestJson<{ result?: ReleaseResultItem[] | null; approval?: HeldForApproval }>(`${BASE}/release`, {
    method: "POST",
    body: JSON.stringify({ ids: [id] }),
  });
  const [outcome] = withHeld([id], body.approval, (acted) => releaseOutcomes(acted, body.result ?? [], { [id]: aliases }));
  return { kind: "release", outcome: outcome ?? { id, ok: false, detail: "Failed: no result returned" } };
}

async function reclassifyMessage(id: string, expected: ReclassifyDisposition): Promise<MessageActionResult> {
  await requestJson<{ result?: unknown }>(path(id, "/reclassify"), {
    method: "POST",
    body: JSON.stringify({ expected_disposition: expected }),
  });
  return {
    kind: "reclassify",
    outcome: { id, ok: true, detail: `Reclassification as ${expected} submitted; Cloudflare re-evaluates the message in the background.` },
  };
}

export type MessageActionInput =
  | { kind: "move"; destination: Destination }
  | { kind: "release"; aliases: readonly (string | null | undefined)[] }
  | { kind: "reclassify"; expected: ReclassifyDisposition };

/** Everything an action can change: this page's data, its action log and every search list. */
function useInvalidateAfterAction(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: messagePageKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: messagePageKeys.actionLog(id) }),
      queryClient.invalidateQueries({ queryKey: messagePageKeys.consoleAudit(id) }),
      queryClient.invalidateQueries({ queryKey: messagePageKeys.trace(id) }),
      // The search list's root key: every page of every search may show this message.
      queryClient.invalidateQueries({ queryKey: messageKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: messageKeys.detail(id) }),
    ]);
}

/**
 * Move, release or reclassify one message: one mutation so "one action at a time" is one
 * `isPending`. Never retried (the default for mutations): the analyst decides after looking.
 */
export function useMessageAction(id: string) {
  const invalidate = useInvalidateAfterAction(id);
  return useMutation({
    mutationFn: (input: MessageActionInput): Promise<MessageActionResult> => {
      switch (input.kind) {
        case "move":
          return moveMessage(id, input.destination);
        case "release":
          return releaseMessage(id, input.aliases);
        case "reclassify":
          return reclassifyMessage(id, input.expected);
      }
    },
    onSettled: invalidate,
  });
}

export function useGeneratePreview(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAfterAction(id);
  return useMutation({
    mutationFn: async () => {
      const { body } = await requestJson<{ result: Preview }>(`${BASE}/preview`, {
        method: "POST",
        body: JSON.stringify({ id }),
      });
      return body.result;
    },
    onSuccess: (preview) => queryClient.setQueryData(messagePageKeys.preview(id), preview),
    onSettled: invalidate,
  });
}
