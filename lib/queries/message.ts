import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
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
import { messageKeys, type MessagePage } from "./messages";

/**
 * One message and everything the message page shows about it. The keys sit under the search's
 * root key (`messageKeys.all`), so a move made from the search list also refreshes an open
 * message page, and a move made here refreshes the list.
 *
 * `messageQueries` is the one description of each read (key, fetcher, freshness): the hooks use
 * it, the page's server render seeds the browser's cache under the same keys (app/(console)/
 * messages/[id]/page.tsx), and the next message is prefetched with it. Not a client module, so
 * the server render can import the keys.
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
  // Under the detail's key: a reclassify, which refreshes the detail, refreshes these too.
  submissions: (id: string) => [...messagePageKeys.detail(id), "submissions"] as const,
  /** Whether the submissions were asked for (by the analyst, or by a reclassify) on this visit. */
  submissionsWanted: (id: string) => [...messagePageKeys.all(id), "submissions-wanted"] as const,
};


async function getResult<T>(url: string, signal?: AbortSignal): Promise<T> {
  const { body } = await requestJson<{ result: T }>(url, { signal });
  return body.result;
}

/**
 * How long a message (and its detections) read a moment ago is shown without asking again. Long
 * enough for an analyst's pass through a page of results; the console's own actions refresh it at
 * once (useInvalidateAfterAction), and so does a new search.
 */
const MESSAGE_FRESH_MS = 2 * 60_000;

/** What the message page reads for one message, one factory per read. */
export const messageQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: messagePageKeys.detail(id),
      queryFn: ({ signal }) => getResult<Message>(path(id), signal),
      staleTime: MESSAGE_FRESH_MS,
    }),
  detections: (id: string) =>
    queryOptions({
      queryKey: messagePageKeys.detections(id),
      queryFn: ({ signal }) => getResult<Detections>(path(id, "/detections"), signal),
      staleTime: MESSAGE_FRESH_MS,
    }),
  trace: (id: string) =>
    queryOptions({
      queryKey: messagePageKeys.trace(id),
      queryFn: ({ signal }) => getResult<Trace>(path(id, "/trace"), signal),
      // A trace still being written is worth watching; a finished one never changes by itself.
      refetchInterval: (query) => (query.state.data?.inbound?.pending || query.state.data?.outbound?.pending ? 10_000 : false),
    }),
  /** Null when no preview exists yet (the endpoint's 404): the page offers to generate one. */
  preview: (id: string) =>
    queryOptions({
      queryKey: messagePageKeys.preview(id),
      queryFn: async ({ signal }) => {
        try {
          return await getResult<Preview>(path(id, "/preview"), signal);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    }),
  raw: (id: string) =>
    queryOptions({
      queryKey: messagePageKeys.raw(id),
      queryFn: ({ signal }) => getResult<RawMessage>(path(id, "/raw"), signal),
      // The .eml never changes and can be megabytes: fetch it once per visit.
      staleTime: Infinity,
    }),
  actionLog: (id: string) =>
    queryOptions({
      queryKey: messagePageKeys.actionLog(id),
      queryFn: async ({ signal }) => {
        const { body } = await requestJson<{ result?: ActionLogEntry[] | null; unreadable?: number }>(path(id, "/action_log"), { signal });
        return { entries: body.result ?? [], unreadable: body.unreadable ?? 0 };
      },
    }),
  /**
   * The console's own audit records for the message (who in the team acted). Null when the
   * route is not deployed (404) or the user may not read the trail (403): the section is omitted.
   */
  consoleAudit: (id: string) =>
    queryOptions({
      queryKey: messagePageKeys.consoleAudit(id),
      queryFn: async ({ signal }) => {
        try {
          return await getResult<AuditEvent[]>(`/api/audit/messages/${encodeURIComponent(id)}`, signal);
        } catch (error) {
          if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
          throw error;
        }
      },
    }),
};

/**
 * The message as a search list in this tab's cache has it (search and get return the same
 * message), with when that list was read; undefined when no cached list holds it.
 */
export function messageFromLists(queryClient: QueryClient, id: string): { message: Message; readAt: number } | undefined {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: messageKeys.lists() })) {
    const message = (query.state.data as MessagePage | undefined)?.messages?.find((m) => m.id === id);
    if (message) return { message, readAt: query.state.dataUpdatedAt };
  }
  return undefined;
}

/**
 * The message. A full page load finds it in the cache (the server render's HydrationBoundary); a
 * message opened from the list, or reached with j/k, starts from the list's copy of it. Either way
 * the browser does not read it again while it is fresh.
 */
export function useMessageDetail(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...messageQueries.detail(id),
    initialData: () => messageFromLists(queryClient, id)?.message,
    initialDataUpdatedAt: () => messageFromLists(queryClient, id)?.readAt,
  });
}
export const useDetections = (id: string) => useQuery(messageQueries.detections(id));
export const useTrace = (id: string) => useQuery(messageQueries.trace(id));
export const usePreview = (id: string) => useQuery(messageQueries.preview(id));
export const useRawMessage = (id: string) => useQuery(messageQueries.raw(id));
export const useActionLog = (id: string) => useQuery(messageQueries.actionLog(id));
export const useConsoleAudit = (id: string) => useQuery(messageQueries.consoleAudit(id));

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
  const queryClient = useQueryClient();
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
    // A reclassify makes a submission: the page looks it up now, where it would otherwise wait to be asked.
    onSuccess: (result) => {
      if (result.kind === "reclassify") queryClient.setQueryData(messagePageKeys.submissionsWanted(id), true);
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
