import "server-only";
import type { AllowPolicyListResponse } from "cloudflare/resources/email-security/settings/allow-policies";
import type { BlockSenderListResponse } from "cloudflare/resources/email-security/settings/block-senders";
import { z } from "zod";
import { messageIdFromComment } from "@/lib/policies/comment";
import { coversSender } from "@/lib/policies/sender";
import type { AllowPolicy, BlockedSender, PageInfo, PolicyPage, SenderStatus } from "@/lib/policies/types";
import type { CreateAllowPolicyBody, CreateBlockedSenderBody, EditCommentBody, PolicyListQuery } from "@/lib/schemas/policies";
import { upstreamRead, upstreamWrite } from "./call";
import { READ_OPTIONS, WRITE_OPTIONS } from "./client";
import { readEach, readWith } from "./reply-shapes";

// Blocked senders and allow policies (Email Security settings), one function per operation.
// Changes use WRITE_OPTIONS: never retried, so a lost reply never makes a second entry.

// Only what identifies an entry is checked; toEntry reads every other field with a fallback.
const entryShape = z.looseObject({ id: z.union([z.string(), z.number()]), pattern: z.string().optional(), comments: z.string().nullish() });
const blockShape = entryShape as unknown as z.ZodType<BlockSenderListResponse>;
const allowShape = entryShape as unknown as z.ZodType<AllowPolicyListResponse>;
const deletedShape = z.looseObject({ id: z.union([z.string(), z.number()]) });

type RawEntry = BlockSenderListResponse | AllowPolicyListResponse;

function toEntry(raw: RawEntry): BlockedSender {
  const comments = raw.comments ?? null;
  return {
    id: String(raw.id),
    pattern: raw.pattern ?? "",
    pattern_type: raw.pattern_type ?? "UNKNOWN",
    is_regex: raw.is_regex ?? false,
    comments,
    created_at: raw.created_at ?? null,
    modified_at: raw.modified_at ?? raw.last_modified ?? null,
    origin_message_id: messageIdFromComment(comments),
  };
}

function toAllowPolicy(raw: AllowPolicyListResponse): AllowPolicy {
  const kind = raw.is_trusted_sender
    ? "is_trusted_sender"
    : raw.is_acceptable_sender
      ? "is_acceptable_sender"
      : raw.is_exempt_recipient
        ? "is_exempt_recipient"
        : null;
  return { ...toEntry(raw), kind, verify_sender: raw.verify_sender ?? false, is_spoof: raw.is_spoof ?? false };
}

function pageInfo(info: { page?: number; per_page?: number; count?: number; total_count?: number } | undefined, count: number, query: PolicyListQuery): PageInfo {
  return {
    page: info?.page ?? query.page ?? 1,
    per_page: info?.per_page ?? query.per_page ?? count,
    count: info?.count ?? count,
    total_count: info?.total_count ?? null,
  };
}

export async function listBlockedSenders(query: PolicyListQuery): Promise<PolicyPage<BlockedSender>> {
  return upstreamRead(`block_senders:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.settings.blockSenders.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const { value: rows, unreadable } = readEach(blockShape, page.result);
    return { result: rows.map(toEntry), result_info: pageInfo(page.result_info, rows.length + unreadable, query), unreadable };
  });
}

export async function createBlockedSender(body: CreateBlockedSenderBody): Promise<BlockedSender> {
  const created = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.settings.blockSenders.create({ account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return toEntry(readWith(blockShape, created));
}

export async function editBlockedSenderComment(id: string, body: EditCommentBody): Promise<BlockedSender> {
  const edited = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.settings.blockSenders.edit(id, { account_id: accountId, comments: body.comments }, WRITE_OPTIONS),
  );
  return toEntry(readWith(blockShape, edited));
}

export async function deleteBlockedSender(id: string): Promise<{ id: string }> {
  const deleted = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.settings.blockSenders.delete(id, { account_id: accountId }, WRITE_OPTIONS),
  );
  return { id: String(readWith(deletedShape, deleted).id) };
}

export async function listAllowPolicies(query: PolicyListQuery): Promise<PolicyPage<AllowPolicy>> {
  return upstreamRead(`allow_policies:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.settings.allowPolicies.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const { value: rows, unreadable } = readEach(allowShape, page.result);
    return { result: rows.map(toAllowPolicy), result_info: pageInfo(page.result_info, rows.length + unreadable, query), unreadable };
  });
}

export async function createAllowPolicy(body: CreateAllowPolicyBody): Promise<AllowPolicy> {
  const { kind, ...rest } = body;
  const created = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.settings.allowPolicies.create(
      {
        account_id: accountId,
        ...rest,
        is_trusted_sender: kind === "is_trusted_sender",
        is_acceptable_sender: kind === "is_acceptable_sender",
        is_exempt_recipient: kind === "is_exempt_recipient",
        // The pattern names a sender unless the policy exempts a recipient.
        is_sender: kind !== "is_exempt_recipient",
        is_recipient: kind === "is_exempt_recipient",
      },
      WRITE_OPTIONS,
    ),
  );
  return toAllowPolicy(readWith(allowShape, created));
}

export async function editAllowPolicyComment(id: string, body: EditCommentBody): Promise<AllowPolicy> {
  const edited = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.settings.allowPolicies.edit(id, { account_id: accountId, comments: body.comments }, WRITE_OPTIONS),
  );
  return toAllowPolicy(readWith(allowShape, edited));
}

export async function deleteAllowPolicy(id: string): Promise<{ id: string }> {
  const deleted = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.settings.allowPolicies.delete(id, { account_id: accountId }, WRITE_OPTIONS),
  );
  return { id: String(readWith(deletedShape, deleted).id) };
}

/**
 * Entries that already cover a sender. One search per list for the sender's last two domain
 * labels (which finds the address, its domain and a parent-domain entry) rather than walking
 * every page; regex entries are not evaluated, so "not blocked" here means "no literal entry",
 * which is what the message page says.
 */
export async function getSenderStatus(sender: string): Promise<SenderStatus> {
  const domain = sender.slice(sender.lastIndexOf("@") + 1).toLowerCase();
  const query = { search: domain.split(".").slice(-2).join("."), per_page: 100 };
  const [blocked, allowed] = await Promise.all([listBlockedSenders(query), listAllowPolicies(query)]);
  return {
    blocked: blocked.result.filter((e) => coversSender(e, sender)),
    allowed: allowed.result.filter((e) => e.kind !== "is_exempt_recipient" && coversSender(e, sender)),
  };
}

// For `npm run doctor`, which reads replies exactly as the console does.
export { allowShape, blockShape, toAllowPolicy, toEntry };
