import "server-only";
import { messageIdFromComment } from "@/lib/policies/comment";
import { coversSender, senderLookups } from "@/lib/policies/sender";
import type { AllowPolicy, BlockedSender, Covering, PolicyEntry, PolicyPage, SenderStatus } from "@/lib/policies/types";
import type { CreateAllowPolicyBody, CreateBlockedSenderBody, EditCommentBody, PolicyListQuery } from "@/lib/schemas/policies";
import { upstreamRead, upstreamWrite } from "./call";
import { READ_OPTIONS, WRITE_OPTIONS } from "./client";
import { namingOperation } from "./errors";
import { DEFAULT_PER_PAGE, pageInfo, receivedCount } from "./page-info";
import {
  allowPolicyReplySchema,
  blockedSenderReplySchema,
  changedAllowPolicyReplySchema,
  changedBlockedSenderReplySchema,
  deletedEntryReplySchema,
  type AllowPolicyReply,
  type BlockedSenderReply,
} from "./reply-schemas";
import { readEach, readWith } from "./reply-shapes";

// Blocked senders and allow policies (Email Security settings), one function per operation.
// Changes use WRITE_OPTIONS: never retried, so a lost reply never makes a second entry. Requests
// carry only fields the description has under their current names (no deprecated alias is ever
// sent); replies are read with reply-schemas.ts.

/**
 * A change, sent once. Cloudflare refuses what its description refuses (a pattern its own rules
 * find malformed, a duplicate): the analyst sees which change failed and what Cloudflare said.
 */
async function change<T>(operation: string, send: Parameters<typeof upstreamWrite<T>>[0]): Promise<T> {
  try {
    return await upstreamWrite(send);
  } catch (err) {
    throw namingOperation(operation, err);
  }
}

/** What the console knows of an entry without Cloudflare's reply: the id it changed, the fields it sent. */
interface Known {
  id?: string;
  pattern?: string;
  pattern_type?: string;
  is_regex?: boolean;
}

type Loose<T> = Omit<T, "pattern"> & { pattern?: string | null };

function toEntry(raw: Loose<BlockedSenderReply>, known: Known = {}): BlockedSender {
  return {
    id: raw.id ?? known.id ?? null,
    pattern: raw.pattern ?? known.pattern ?? "",
    pattern_type: raw.pattern_type ?? known.pattern_type ?? "UNKNOWN",
    is_regex: raw.is_regex ?? known.is_regex ?? false,
    comments: raw.comments ?? null,
    created_at: raw.created_at ?? null,
    modified_at: raw.modified_at ?? raw.last_modified ?? null,
    origin_message_id: messageIdFromComment(raw.comments),
  };
}

/**
 * The kind from the current flags; the retired aliases (`is_sender` = trusted, `is_spoof` =
 * acceptable, `is_recipient` = exempt recipient) only for an old entry that has none of them.
 */
function kindOf(raw: Loose<AllowPolicyReply>): AllowPolicy["kind"] {
  const current = [raw.is_trusted_sender, raw.is_acceptable_sender, raw.is_exempt_recipient];
  const [trusted, acceptable, exempt] = current.every((f) => f == null) ? [raw.is_sender, raw.is_spoof, raw.is_recipient] : current;
  return trusted ? "is_trusted_sender" : acceptable ? "is_acceptable_sender" : exempt ? "is_exempt_recipient" : null;
}

function toAllowPolicy(raw: Loose<AllowPolicyReply>, known: Known = {}): AllowPolicy {
  return { ...toEntry(raw, known), kind: kindOf(raw), verify_sender: raw.verify_sender ?? false };
}

const NOTHING_READ = { id: null, pattern: null, pattern_type: null, is_regex: null, comments: null, created_at: null, modified_at: null, last_modified: null };
const NO_FLAGS = { is_trusted_sender: null, is_acceptable_sender: null, is_exempt_recipient: null, verify_sender: null, is_sender: null, is_spoof: null, is_recipient: null };

/**
 * A create's or an edit's reply. The change is made once Cloudflare answers 2xx: a reply the
 * console cannot fully read (no `id`, fields left out) must not make the analyst try again, which
 * would make a duplicate or a 409. What is missing falls back to what the console sent.
 */
function changedBlock(reply: unknown, known: Known, comments: string | null | undefined): BlockedSender {
  const raw = readWith(changedBlockedSenderReplySchema, reply) ?? NOTHING_READ;
  return toEntry({ ...raw, comments: raw.comments ?? comments ?? null }, known);
}

function changedAllow(reply: unknown, known: Known, sent: Partial<AllowPolicyReply>): AllowPolicy {
  const raw = readWith(changedAllowPolicyReplySchema, reply) ?? { ...NOTHING_READ, ...NO_FLAGS };
  const merged = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? sent[k as keyof AllowPolicyReply] ?? null])) as typeof raw;
  return toAllowPolicy(merged, known);
}

export async function listBlockedSenders(query: PolicyListQuery): Promise<PolicyPage<BlockedSender>> {
  return upstreamRead(`block_senders:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.settings.blockSenders.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const { value: rows, unreadable } = readEach(blockedSenderReplySchema, page.result);
    return { result: rows.map((row) => toEntry(row)), result_info: pageInfo(page.result_info, receivedCount(page.result), query), unreadable };
  });
}

export async function createBlockedSender(body: CreateBlockedSenderBody): Promise<BlockedSender> {
  const { pattern, pattern_type, is_regex, comments } = body;
  const created = await change("Blocking", ({ client, accountId }) =>
    client.emailSecurity.settings.blockSenders.create({ account_id: accountId, pattern, pattern_type, is_regex, comments }, WRITE_OPTIONS),
  );
  return changedBlock(created, { pattern, pattern_type, is_regex }, comments);
}

export async function editBlockedSenderComment(id: string, body: EditCommentBody): Promise<BlockedSender> {
  const edited = await change("Editing the block's comment", ({ client, accountId }) =>
    client.emailSecurity.settings.blockSenders.edit(id, { account_id: accountId, comments: body.comments }, WRITE_OPTIONS),
  );
  return changedBlock(edited, { id }, body.comments);
}

export async function deleteBlockedSender(id: string): Promise<{ id: string }> {
  const deleted = await change("Removing the block", ({ client, accountId }) =>
    client.emailSecurity.settings.blockSenders.delete(id, { account_id: accountId }, WRITE_OPTIONS),
  );
  return { id: readWith(deletedEntryReplySchema, deleted)?.id ?? id };
}

export async function listAllowPolicies(query: PolicyListQuery): Promise<PolicyPage<AllowPolicy>> {
  return upstreamRead(`allow_policies:${JSON.stringify(query)}`, async ({ client, accountId }) => {
    const page = await client.emailSecurity.settings.allowPolicies.list({ account_id: accountId, ...query }, READ_OPTIONS);
    const { value: rows, unreadable } = readEach(allowPolicyReplySchema, page.result);
    return { result: rows.map((row) => toAllowPolicy(row)), result_info: pageInfo(page.result_info, receivedCount(page.result), query), unreadable };
  });
}

const KIND_FLAGS = (kind: CreateAllowPolicyBody["kind"]) => ({
  is_trusted_sender: kind === "is_trusted_sender",
  is_acceptable_sender: kind === "is_acceptable_sender",
  is_exempt_recipient: kind === "is_exempt_recipient",
});

export async function createAllowPolicy(body: CreateAllowPolicyBody): Promise<AllowPolicy> {
  const { kind, pattern, pattern_type, is_regex, comments, verify_sender } = body;
  const created = await change("Creating the allow policy", ({ client, accountId }) =>
    client.emailSecurity.settings.allowPolicies.create(
      {
        account_id: accountId,
        pattern,
        pattern_type,
        is_regex,
        comments,
        verify_sender,
        // Exactly the chosen kind, under its current name; the retired aliases are never sent.
        ...KIND_FLAGS(kind),
      },
      WRITE_OPTIONS,
    ),
  );
  return changedAllow(created, { pattern, pattern_type, is_regex }, { comments: comments ?? null, verify_sender, ...KIND_FLAGS(kind) });
}

export async function editAllowPolicyComment(id: string, body: EditCommentBody): Promise<AllowPolicy> {
  const edited = await change("Editing the allow policy's comment", ({ client, accountId }) =>
    client.emailSecurity.settings.allowPolicies.edit(id, { account_id: accountId, comments: body.comments }, WRITE_OPTIONS),
  );
  return changedAllow(edited, { id }, { comments: body.comments });
}

export async function deleteAllowPolicy(id: string): Promise<{ id: string }> {
  const deleted = await change("Removing the allow policy", ({ client, accountId }) =>
    client.emailSecurity.settings.allowPolicies.delete(id, { account_id: accountId }, WRITE_OPTIONS),
  );
  return { id: readWith(deletedEntryReplySchema, deleted)?.id ?? id };
}

/** Entries with exactly this pattern. A page of 20 is plenty: a pattern names at most one entry per type. */
const byPattern = (pattern: string): PolicyListQuery => ({ pattern, per_page: DEFAULT_PER_PAGE });

function covering<T extends PolicyEntry>(entries: T[], sender: string, match: Covering<T>["match"]): Covering<T>[] {
  return entries.filter((entry) => coversSender(entry, sender)).map((entry) => ({ entry, match }));
}

/**
 * Entries that already cover a sender, looked up by exact `pattern` in both lists: the address,
 * its domain and the domain's parents (lib/policies/sender.ts), so neither a search's loose
 * matching nor a list's first page decides. Costs two reads per pattern (six for
 * `a@mail.example.com`), shared by the read cache and coalescing. Regex entries are not evaluated:
 * "not blocked" here means "no literal entry", which is what the message page says.
 */
export async function getSenderStatus(sender: string): Promise<SenderStatus> {
  const lookups = senderLookups(sender);
  const pages = await Promise.all(
    lookups.map(async ({ pattern, match }) => {
      const [blocked, allowed] = await Promise.all([listBlockedSenders(byPattern(pattern)), listAllowPolicies(byPattern(pattern))]);
      return {
        blocked: covering(blocked.result, sender, match),
        // An exempt-recipient policy names a recipient: it says nothing about this sender.
        allowed: covering(allowed.result.filter((e) => e.kind !== "is_exempt_recipient"), sender, match),
      };
    }),
  );
  return { blocked: pages.flatMap((p) => p.blocked), allowed: pages.flatMap((p) => p.allowed) };
}

// For `npm run doctor`, which reads replies exactly as the console does.
export { toAllowPolicy, toEntry };
