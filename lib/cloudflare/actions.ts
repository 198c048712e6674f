import "server-only";
import type {
  MoveMessageBody,
  MoveMessagesBody,
  ReclassifyBody,
  ReleaseMessagesBody,
} from "@/lib/schemas/bodies";
import { upstreamWrite } from "./call";
import { WRITE_OPTIONS } from "./client";
import { namingOperation } from "./errors";
import { readList, readReply } from "./reply-shapes";
import type { MoveResult, Preview, ReleaseResult } from "./types";

// Every function here changes mail. WRITE_OPTIONS turns the SDK's retries off: if a reply is
// lost, the analyst decides whether to try again after looking, not the transport.

export async function moveMessage(id: string, body: MoveMessageBody): Promise<MoveResult[]> {
  const page = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.move.create(id, { account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return readList("moveResults", page.result).value;
}

export async function moveMessages(body: MoveMessagesBody): Promise<MoveResult[]> {
  const page = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.move.bulk({ account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return readList("moveResults", page.result).value;
}

/** The SDK sends `{ids}`; the published description a bare array. We follow the SDK (see README). */
export async function releaseMessages(body: ReleaseMessagesBody): Promise<ReleaseResult[]> {
  try {
    const page = await upstreamWrite(({ client, accountId }) =>
      client.emailSecurity.investigate.release.bulk({ account_id: accountId, ids: body.ids }, WRITE_OPTIONS),
    );
    return readList("releaseResults", page.result).value;
  } catch (err) {
    throw namingOperation("Release", err);
  }
}

export async function reclassifyMessage(id: string, body: ReclassifyBody): Promise<unknown> {
  const result = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.reclassify.create(id, { account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return result ?? {};
}

/** The SDK sends `{id}`; the published description `{postfix_id}`. We follow the SDK (see README). */
export async function createPreview(id: string): Promise<Preview> {
  try {
    const preview = await upstreamWrite(({ client, accountId }) =>
      client.emailSecurity.investigate.preview.create({ account_id: accountId, id }, WRITE_OPTIONS),
    );
    return readReply("preview", preview).value;
  } catch (err) {
    throw namingOperation("Preview generation", err);
  }
}
