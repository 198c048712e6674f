import type { BulkJobMessage } from "@/lib/cloudflare/types";
import { messageHref } from "@/lib/messages/tabs";
import { INVESTIGATE_ID_PATTERN } from "@/lib/schemas/ids";

export type JobMessageLink =
  /** The message page of the row's message. */
  | { kind: "message"; id: string; href: string }
  /** A search for the row's postfix id: without the embedded message, the row has no investigate id. */
  | { kind: "search"; postfixId: string; href: string };

/**
 * Where a job's message row leads. A row's own `message_id` is the row's id (a UUID) and its
 * `postfix_id` is the message's postfix id: neither opens the message page, which takes the
 * investigate id. Only the SDK's embedded `message` (absent from Cloudflare's description) has
 * that; without it the row links to a search for its postfix id, clean mail included. Null when
 * there is nothing safe to link to.
 */
export function jobMessageLink(row: Pick<BulkJobMessage, "message" | "postfix_id">): JobMessageLink | null {
  const id = row.message?.id;
  if (id && INVESTIGATE_ID_PATTERN.test(id)) return { kind: "message", id, href: messageHref(id) };
  const postfixId = row.postfix_id?.trim();
  if (postfixId && postfixId.length <= 512 && !/[\u0000-\u001f\u007f]/.test(postfixId)) {
    const query = new URLSearchParams({ query: postfixId, detections_only: "false" });
    return { kind: "search", postfixId, href: `/messages?${query.toString()}` };
  }
  return null;
}
