import "server-only";
import type { InvestigateListParams } from "cloudflare/resources/email-security/investigate/investigate";
import type { MessageSearch } from "@/lib/schemas/search";
import { upstreamRead } from "./call";
import { neverCached } from "./read-through";
import { READ_OPTIONS, type Upstream } from "./client";
import { namingOperation } from "./errors";
import { receivedCount, toResultInfo } from "./paging";
import { readList, readReply } from "./reply-shapes";
import { getPendingSearches, pollTargetFrom } from "./search-polls";
import type { ActionLogEntry, Detections, Message, Paged, Preview, RawMessage, Trace } from "./types";

export interface MessagePage extends Paged<Message> {
  /** True when Cloudflare answered 202: the search is still running and must be polled. */
  pending: boolean;
}

interface ListBody {
  result?: unknown;
  result_info?: unknown;
}

/**
 * One step of a search: the search itself, or, while Cloudflare is still running it, the
 * `Location` its 202 named. Both go through the SDK, so auth, retries and errors are the same.
 */
async function searchStep(upstream: Upstream, key: string, search: MessageSearch) {
  const { client, accountId } = upstream;
  const pending = getPendingSearches();
  const poll = await pending.get(accountId, key, client.baseURL);
  try {
    const { data, response } = poll
      ? await client.get<ListBody>(poll.path, { query: poll.query, ...READ_OPTIONS }).withResponse()
      : await client.emailSecurity.investigate
          // The search operation's parameters exactly (see messageSearchSchema): nothing it would ignore.
          .list({ account_id: accountId, ...search } satisfies InvestigateListParams, READ_OPTIONS)
          .withResponse();
    return { body: data as ListBody, response, polled: poll !== undefined };
  } catch (err) {
    // A poll URL that stopped working is forgotten: the next try starts the search again.
    if (poll) await pending.delete(accountId, key);
    throw err;
  }
}

export async function listMessages(search: MessageSearch): Promise<MessagePage> {
  const key = `list:${JSON.stringify(search)}`;
  return upstreamRead(
    key,
    async (upstream) => {
      const { body, response, polled } = await searchStep(upstream, key, search);
      if (response.status === 202) {
        const location = response.headers.get("location");
        if (location) await getPendingSearches().set(upstream.accountId, key, pollTargetFrom(location, upstream.client.baseURL, upstream.accountId));
        return {
          pending: true,
          result: [],
          unreadable: 0,
          result_info: toResultInfo(body?.result_info, 0, search.page),
        };
      }
      if (polled) await getPendingSearches().delete(upstream.accountId, key);
      const { value, unreadable } = readList("messages", body?.result);
      return {
        pending: false,
        result: value,
        unreadable,
        result_info: toResultInfo(body?.result_info, receivedCount(body?.result), search.page),
      };
    },
    // A search Cloudflare is still running must be asked again, not remembered.
    (page) => !page.pending,
  ).catch((err: unknown) => {
    // A filter value the SDK knows and the account refuses (e.g. delivery_status=move_failed,
    // which the description lacks) must read as the search being refused, not as a mystery.
    throw namingOperation("Search", err);
  });
}

export async function getMessage(id: string, options: { submission?: boolean } = {}): Promise<Message> {
  return upstreamRead(`message:${id}:${options.submission ?? ""}`, async ({ client, accountId }) =>
    readReply("message", await client.emailSecurity.investigate.get(id, { account_id: accountId, ...options }, READ_OPTIONS)).value,
  );
}

export async function getDetections(id: string): Promise<Detections> {
  return upstreamRead(`detections:${id}`, async ({ client, accountId }) => {
    const { value, unreadable } = readReply(
      "detections",
      await client.emailSecurity.investigate.detections.get(id, { account_id: accountId }, READ_OPTIONS),
    );
    return { ...value, unreadable };
  });
}

export async function getTrace(id: string): Promise<Trace> {
  return upstreamRead(`trace:${id}`, async ({ client, accountId }) => {
    const { value, unreadable } = readReply("trace", await client.emailSecurity.investigate.trace.get(id, { account_id: accountId }, READ_OPTIONS));
    return { ...value, unreadable };
  });
}

// Screenshots and raw .eml are large and the most sensitive thing the console reads: they are
// coalesced while in flight but never kept in the read cache.

export async function getPreview(id: string): Promise<Preview> {
  return upstreamRead(
    `preview:${id}`,
    async ({ client, accountId }) =>
      readReply("preview", await client.emailSecurity.investigate.preview.get(id, { account_id: accountId }, READ_OPTIONS)).value,
    neverCached,
  );
}

export async function getRaw(id: string): Promise<RawMessage> {
  return upstreamRead(
    `raw:${id}`,
    async ({ client, accountId }) =>
      readReply("raw", await client.emailSecurity.investigate.raw.get(id, { account_id: accountId }, READ_OPTIONS)).value,
    neverCached,
  );
}

/** SDK 7.3 has no method for the action log; its generic `get` keeps auth, retries and errors identical. */
export async function getActionLog(id: string): Promise<{ result: ActionLogEntry[]; unreadable: number }> {
  return upstreamRead(`action_log:${id}`, async ({ client, accountId }) => {
    const path = `/accounts/${accountId}/email-security/investigate/${encodeURIComponent(id)}/action_log`;
    const body = await client.get<{ result?: unknown }>(path, READ_OPTIONS);
    const { value, unreadable } = readList("actionLog", body?.result);
    return { result: value, unreadable };
  });
}
