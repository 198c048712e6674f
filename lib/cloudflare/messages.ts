import "server-only";
import type { InvestigateListParams } from "cloudflare/resources/email-security/investigate/investigate";
import type { MessageSearch } from "@/lib/schemas/search";
import { upstreamRead } from "./call";
import { READ_OPTIONS } from "./client";
import { ensureShape, replyShapes } from "./reply-shapes";
import type { ActionLogEntry, Detections, Message, MessageDetail, Preview, RawMessage, ResultInfo, Trace } from "./types";

export interface MessagePage {
  /** True when Cloudflare answered 202: the search is still running and must be polled. */
  pending: boolean;
  result: Message[];
  result_info: ResultInfo;
}

function pickResultInfo(info: Partial<ResultInfo> | undefined, fallbackCount: number): ResultInfo {
  return {
    count: info?.count ?? fallbackCount,
    per_page: info?.per_page ?? fallbackCount,
    next: info?.next ?? null,
    previous: info?.previous ?? null,
  };
}

export async function listMessages(search: MessageSearch): Promise<MessagePage> {
  return upstreamRead(
    `list:${JSON.stringify(search)}`,
    async ({ client, accountId }) => {
      // `exact_subject` and `submission` are in the contract but not in SDK 7.3's list params; the
      // SDK forwards every query key it is given.
      const params = { account_id: accountId, ...search } as InvestigateListParams;
      const { data, response } = await client.emailSecurity.investigate.list(params, READ_OPTIONS).withResponse();
      const result = ensureShape(replyShapes.messages, data.result ?? []) as Message[];
      return {
        pending: response.status === 202,
        result,
        result_info: pickResultInfo(data.result_info as Partial<ResultInfo> | undefined, result.length),
      };
    },
    // A search Cloudflare is still running must be asked again, not remembered.
    (page) => !page.pending,
  );
}

export async function getMessage(id: string, options: { submission?: boolean } = {}): Promise<MessageDetail> {
  return upstreamRead(`message:${id}:${options.submission ?? ""}`, async ({ client, accountId }) =>
    ensureShape(
      replyShapes.message,
      await client.emailSecurity.investigate.get(id, { account_id: accountId, ...options }, READ_OPTIONS),
    ),
  );
}

export async function getDetections(id: string): Promise<Detections> {
  return upstreamRead(`detections:${id}`, async ({ client, accountId }) =>
    ensureShape(replyShapes.detections, await client.emailSecurity.investigate.detections.get(id, { account_id: accountId }, READ_OPTIONS)),
  );
}

export async function getTrace(id: string): Promise<Trace> {
  return upstreamRead(`trace:${id}`, async ({ client, accountId }) =>
    ensureShape(replyShapes.trace, await client.emailSecurity.investigate.trace.get(id, { account_id: accountId }, READ_OPTIONS)),
  );
}

// Screenshots and raw .eml are large and the most sensitive thing the console reads: they are
// coalesced while in flight but never kept in the read cache.
const neverCached = () => false;

export async function getPreview(id: string): Promise<Preview> {
  return upstreamRead(
    `preview:${id}`,
    async ({ client, accountId }) =>
      ensureShape(replyShapes.preview, await client.emailSecurity.investigate.preview.get(id, { account_id: accountId }, READ_OPTIONS)),
    neverCached,
  );
}

export async function getRaw(id: string): Promise<RawMessage> {
  return upstreamRead(
    `raw:${id}`,
    async ({ client, accountId }) =>
      ensureShape(replyShapes.raw, await client.emailSecurity.investigate.raw.get(id, { account_id: accountId }, READ_OPTIONS)),
    neverCached,
  );
}

/** SDK 7.3 has no method for the action log; its generic `get` keeps auth, retries and errors identical. */
export async function getActionLog(id: string): Promise<ActionLogEntry[]> {
  return upstreamRead(`action_log:${id}`, async ({ client, accountId }) => {
    const path = `/accounts/${accountId}/email-security/investigate/${encodeURIComponent(id)}/action_log`;
    const body = await client.get<{ result?: unknown }>(path, READ_OPTIONS);
    const entries = ensureShape(replyShapes.actionLog, body?.result ?? []) as ActionLogEntry[];
    return [...entries].sort((a, b) => (b.completed_at ?? "").localeCompare(a.completed_at ?? ""));
  });
}
