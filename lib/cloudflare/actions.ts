import "server-only";
import type {
  MoveMessageBody,
  MoveMessagesBody,
  ReclassifyBody,
  ReleaseMessagesBody,
} from "@/lib/schemas/bodies";
import { upstreamWrite } from "./call";
import { WRITE_OPTIONS } from "./client";
import { ensureShape, replyShapes } from "./reply-shapes";
import type { MoveResult, Preview, ReleaseResult } from "./types";

// Every function here changes mail. WRITE_OPTIONS turns the SDK's retries off: if a reply is
// lost, the analyst decides whether to try again after looking, not the transport.

export async function moveMessage(id: string, body: MoveMessageBody): Promise<MoveResult[]> {
  const page = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.move.create(id, { account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.moveResults, page.result ?? []);
}

export async function moveMessages(body: MoveMessagesBody): Promise<MoveResult[]> {
  const page = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.move.bulk({ account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.moveResults, page.result ?? []);
}

export async function releaseMessages(body: ReleaseMessagesBody): Promise<ReleaseResult[]> {
  const page = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.release.bulk({ account_id: accountId, ids: body.ids }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.releaseResults, page.result ?? []);
}

export async function reclassifyMessage(id: string, body: ReclassifyBody): Promise<unknown> {
  const result = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.reclassify.create(id, { account_id: accountId, ...body }, WRITE_OPTIONS),
  );
  return result ?? {};
}

export async function createPreview(id: string): Promise<Preview> {
  const preview = await upstreamWrite(({ client, accountId }) =>
    client.emailSecurity.investigate.preview.create({ account_id: accountId, id }, WRITE_OPTIONS),
  );
  return ensureShape(replyShapes.preview, preview);
}
