import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Destination } from "@/lib/schemas/enums";
import { MAX_IDS_PER_REQUEST } from "@/lib/schemas/ids";
import {
  moveOutcomes,
  releaseOutcomes,
  withHeld,
  type ActionOutcome,
  type HeldForApproval,
  type IdAliases,
  type MoveResultItem,
  type ReleaseResultItem,
} from "@/lib/messages/action-outcomes";
import type { Message } from "@/lib/cloudflare/types";
import { followingPage, resolveRange, toApiSearchParams, type MessageUrlState } from "@/lib/messages/search-url";
import { parseRetryAfter } from "@/lib/retry-after";
import { ApiError, requestJson } from "./http";

const BASE = "/api/email-security/investigate";

/** What identifies one page of results: the URL state minus what only the browser uses (sort, trail). */
export type MessageListSearch = Pick<MessageUrlState, "filters" | "range" | "cursor" | "perPage" | "page">;

export function toListSearch(state: MessageUrlState): MessageListSearch {
  return { filters: state.filters, range: state.range, cursor: state.cursor, perPage: state.perPage, page: state.page };
}

// The range stays relative in the key ("7d"), so returning to the list hits the cache; the query
// function turns it into absolute times when it runs.
export const messageKeys = {
  all: ["messages"] as const,
  lists: () => [...messageKeys.all, "list"] as const,
  list: (search: MessageListSearch) => [...messageKeys.lists(), search] as const,
  details: () => [...messageKeys.all, "detail"] as const,
  detail: (id: string) => [...messageKeys.details(), id] as const,
};

export interface MessagePage {
  messages: Message[];
  next: string | null;
  previous: string | null;
  /** On a page-numbered list (no cursor), the page after this one; null on the last page. */
  nextPage: number | null;
  /** Rows Cloudflare sent that the console could not read; they are not in `messages`. */
  unreadable: number;
  /** 202: Cloudflare is still running the search; ask again after `retryAfterMs`. */
  pending: boolean;
  retryAfterMs: number;
  /** The absolute start/end a relative range was sent as; cursors are only valid with these. */
  window: { start: string; end: string } | null;
}

interface ListBody {
  result?: Message[] | null;
  result_info?: { next?: string | null; previous?: string | null; next_page?: number | null } | null;
  unreadable?: number;
  pending?: boolean;
}

const DEFAULT_POLL_MS = 2_000;

export async function listMessages(search: MessageListSearch, signal?: AbortSignal): Promise<MessagePage> {
  const now = Date.now();
  const params = toApiSearchParams(search, now);
  const { status, body, headers } = await requestJson<ListBody>(`${BASE}?${params.toString()}`, { signal });
  const pending = status === 202 || body.pending === true;
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  return {
    messages: pending ? [] : (body.result ?? []),
    next: body.result_info?.next || null,
    previous: body.result_info?.previous || null,
    nextPage: pending ? null : (body.result_info?.next_page ?? null),
    unreadable: body.unreadable ?? 0,
    pending,
    retryAfterMs: retryAfter !== undefined ? Math.min(Math.max(retryAfter * 1000, 500), 30_000) : DEFAULT_POLL_MS,
    window: search.range ? resolveRange(search.range, now) : null,
  };
}


export function useMessageList(search: MessageListSearch, options: { enabled: boolean }) {
  return useQuery({
    queryKey: messageKeys.list(search),
    queryFn: ({ signal }) => listMessages(search, signal),
    enabled: options.enabled,
    staleTime: 30_000,
    refetchInterval: (query) => (query.state.data?.pending ? query.state.data.retryAfterMs : false),
  });
}

/** Cap for "Export CSV" across pages, stated in the UI. */
export const EXPORT_ROW_CAP = 1_000;
const EXPORT_MAX_POLLS = 30;

/**
 * Rows for an export: the loaded page's rows, then following pages until `cap`. A one-off walk
 * rather than a query, so it shares the list's fetcher but not its cache entry.
 */
export async function collectFollowingPages(
  search: MessageListSearch,
  firstPage: MessagePage,
  cap: number,
  signal?: AbortSignal,
): Promise<{ messages: Message[]; truncated: boolean; unreadable: number }> {
  const messages = [...firstPage.messages];
  let unreadable = firstPage.unreadable;
  let next = followingPage(firstPage);
  // Following cursors only work with the window the first page was fetched with.
  const pinned: MessageListSearch = firstPage.window
    ? { ...search, filters: { ...search.filters, ...firstPage.window }, range: undefined }
    : search;
  let polls = 0;
  while (next && messages.length < cap) {
    // By cursor, or page=N+1 when Cloudflare answered page-numbered.
    const page = await listMessages({ ...pinned, cursor: undefined, page: undefined, ...next }, signal);
    if (page.pending) {
      if (++polls > EXPORT_MAX_POLLS) throw new ApiError(504, "search_timeout", "The search is still running; try the export again shortly.");
      await new Promise((resolve) => setTimeout(resolve, page.retryAfterMs));
      continue;
    }
    messages.push(...page.messages);
    unreadable += page.unreadable;
    next = followingPage(page);
  }
  return { messages: messages.slice(0, cap), truncated: messages.length > cap || !!next, unreadable };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface MoveInput {
  ids: string[];
  destination: Destination;
  aliases?: IdAliases;
}

export async function moveMessages({ ids, destination, aliases }: MoveInput): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = [];
  for (const part of chunk(ids, MAX_IDS_PER_REQUEST)) {
    const { body } = await requestJson<{ result?: MoveResultItem[] | null; approval?: HeldForApproval }>(`${BASE}/move`, {
      method: "POST",
      body: JSON.stringify({ ids: part, destination }),
    });
    outcomes.push(...withHeld(part, body.approval, (acted) => moveOutcomes(acted, destination, body.result ?? [], aliases)));
  }
  return outcomes;
}

export async function releaseMessages({ ids, aliases }: { ids: string[]; aliases?: IdAliases }): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = [];
  for (const part of chunk(ids, MAX_IDS_PER_REQUEST)) {
    const { body } = await requestJson<{ result?: ReleaseResultItem[] | null; approval?: HeldForApproval }>(`${BASE}/release`, {
      method: "POST",
      body: JSON.stringify({ ids: part }),
    });
    outcomes.push(...withHeld(part, body.approval, (acted) => releaseOutcomes(acted, body.result ?? [], aliases)));
  }
  return outcomes;
}

/** A move or release changes what the lists and the message pages show: refetch both. */
function useInvalidateMessages() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: messageKeys.all });
}

export function useMoveMessages() {
  const invalidate = useInvalidateMessages();
  return useMutation({ mutationFn: moveMessages, onSettled: invalidate });
}

export function useReleaseMessages() {
  const invalidate = useInvalidateMessages();
  return useMutation({ mutationFn: releaseMessages, onSettled: invalidate });
}
