import type { Message } from "@/lib/cloudflare/types";

/** A message with only the fields the API always sends, plus what a test sets. */
export function testMessage(fields: Partial<Message> = {}): Message {
  return {
    id: "m1",
    client_recipients: [],
    detection_reasons: [],
    is_phish_submission: false,
    is_quarantined: false,
    postfix_id: "p1",
    properties: {},
    ...fields,
  };
}
