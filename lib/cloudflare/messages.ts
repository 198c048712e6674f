import "server-only";
import type { InvestigateListParams } from "cloudflare/resources/email-security/investigate/investigate";
import type { MessageSearch } from "@/lib/schemas/search";
import { READ_OPTIONS, getUpstream } from "./client";
import { callUpstream } from "./errors";
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
  const { client, accountId } = getUpstream();
  // `exact_subject` and `submission` are in the contract but not in SDK 7.3's list params; the SDK
  // forwards every query key it is given.
  const params = { account_id: accountId, ...search } as InvestigateListParams;
  const { data, response } = await callUpstream(() =>
    client.emailSecurity.investigate.list(params, READ_OPTIONS).withResponse(),
  );
  const result = ensureShape(replyShapes.messages, data.result ?? []) as Message[];
  return {
    pending: response.status === 202,
    result,
    result_info: pickResultInfo(data.result_info as Partial<ResultInfo> | undefined, result.length),
  };
}

export async function getMessage(id: string, options: { submission?: boolean } = {}): Promise<MessageDetail> {
  const { client, accountId } = getUpstream();
  const message = await callUpstream(() =>
    client.emailSecurity.investigate.get(id, { account_id: accountId, ...options }, READ_OPTIONS),
  );
  return ensureShape(replyShapes.message, message);
}

export async function getDetections(id: string): Promise<Detections> {
  const { client, accountId } = getUpstream();
  const detections = await callUpstream(() =>
    client.emailSecurity.investigate.detections.get(id, { account_id: accountId }, READ_OPTIONS),
  );
  return ensureShape(replyShapes.detections, detections);
}

export async function getTrace(id: string): Promise<Trace> {
  const { client, accountId } = getUpstream();
  const trace = await callUpstream(() =>
    client.emailSecurity.investigate.trace.get(id, { account_id: accountId }, READ_OPTIONS),
  );
  return ensureShape(replyShapes.trace, trace);
}

export async function getPreview(id: string): Promise<Preview> {
  const { client, accountId } = getUpstream();
  const preview = await callUpstream(() =>
    client.emailSecurity.investigate.preview.get(id, { account_id: accountId }, READ_OPTIONS),
  );
  return ensureShape(replyShapes.preview, preview);
}

export async function getRaw(id: string): Promise<RawMessage> {
  const { client, accountId } = getUpstream();
  const raw = await callUpstream(() =>
    client.emailSecurity.investigate.raw.get(id, { account_id: accountId }, READ_OPTIONS),
  );
  return ensureShape(replyShapes.raw, raw);
}

/** SDK 7.3 has no method for the action log; its generic `get` keeps auth, retries and errors identical. */
export async function getActionLog(id: string): Promise<ActionLogEntry[]> {
  const { client, accountId } = getUpstream();
  const path = `/accounts/${accountId}/email-security/investigate/${encodeURIComponent(id)}/action_log`;
  const body = await callUpstream(() => client.get<{ result?: unknown }>(path, READ_OPTIONS));
  const entries = ensureShape(replyShapes.actionLog, body?.result ?? []) as ActionLogEntry[];
  return [...entries].sort((a, b) => (b.completed_at ?? "").localeCompare(a.completed_at ?? ""));
}
