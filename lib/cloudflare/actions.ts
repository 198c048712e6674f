import "server-only";
import type {
  MoveMessageBody,
  MoveMessagesBody,
  ReclassifyBody,
  ReleaseMessagesBody,
} from "@/lib/schemas/bodies";
import { WRITE_OPTIONS, getUpstream } from "./client";
import { callUpstream } from "./errors";
import { ensureShape, replyShapes } from "./reply-shapes";
import type { MoveResult, Preview, ReleaseResult } from "./types";

// Every function here changes mail. WRITE_OPTIONS turns the SDK's retries off: if a reply is
// lost, the analyst decides whether to try again after looking, not the transport.

export async function moveMessage(id: string, body: MoveMessageBody): Promise<MoveResult[]> {
  const { client, accountId } = getUpstream();
  const page = await callUpstream(() =>
    client.emailSecurity.investigate.move.create(id, { account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.moveResults, page.result ?? []);
}

export async function moveMessages(body: MoveMessagesBody): Promise<MoveResult[]> {
  const { client, accountId } = getUpstream();
  const page = await callUpstream(() =>
    client.emailSecurity.investigate.move.bulk({ account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.moveResults, page.result ?? []);
}

export async function releaseMessages(body: ReleaseMessagesBody): Promise<ReleaseResult[]> {
  const { client, accountId } = getUpstream();
  const page = await callUpstream(() =>
    client.emailSecurity.investigate.release.bulk({ account_id: accountId, ids: body.ids }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.releaseResults, page.result ?? []);
}

export async function reclassifyMessage(id: string, body: ReclassifyBody): Promise<unknown> {
  const { client, accountId } = getUpstream();
  const result = await callUpstream(() =>
    client.emailSecurity.investigate.reclassify.create(id, { account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return result ?? {};
}

export async function createPreview(id: string): Promise<Preview> {
  const { client, accountId } = getUpstream();
  const preview = await callUpstream(() =>
    client.emailSecurity.investigate.preview.create({ account_id: accountId, id }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.preview, preview);
}
