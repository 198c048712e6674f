import type { BulkJobMessage } from "@/lib/cloudflare/types";
import { INVESTIGATE_ID_PATTERN } from "@/lib/schemas/ids";

/**
 * The id that opens a job's message on the message page. A job row's own `message_id` is the
 * row's id (a UUID), not the message's: the message page takes the investigate id, which the row
 * carries in its embedded `message.id`; `postfix_id` is the fallback when a row comes without the
 * message. Null when neither is an id the message page would accept.
 */
export function jobMessageLinkId(row: Pick<BulkJobMessage, "message" | "postfix_id">): string | null {
  for (const id of [row.message?.id, row.postfix_id]) {
    if (id && INVESTIGATE_ID_PATTERN.test(id)) return id;
  }
  return null;
}
