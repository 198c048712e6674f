import { INVESTIGATE_ID_PATTERN } from "@/lib/schemas/ids";
import { revealHidden } from "@/lib/text/reveal";

// Client-safe. A block or allow entry made from a message carries the message's link in its
// comment. Parsing that link back out is how an entry "remembers" its message: nothing new is
// stored, and an entry made in Cloudflare's dashboard simply has no link.

/** Cloudflare does not publish a limit; the console keeps comments to what a person reads. */
export const MAX_COMMENT_CHARS = 1000;
const MAX_SUBJECT_CHARS = 200;

export function messageLink(origin: string, messageId: string): string {
  return `${origin.replace(/\/+$/, "")}/messages/${encodeURIComponent(messageId)}`;
}

/** The prefilled comment: the message's link first (so it survives truncation), then its subject. */
export function prefillComment({ origin, messageId, subject }: { origin: string; messageId: string; subject?: string | null }): string {
  // Hidden characters as markers: the comment is read by people, here and in Cloudflare's dashboard.
  const clean = revealHidden((subject ?? "").replace(/[\t\r\n]+/g, " ")).trim();
  const shown = clean.length > MAX_SUBJECT_CHARS ? `${clean.slice(0, MAX_SUBJECT_CHARS - 1)}…` : clean;
  return `From message ${messageLink(origin, messageId)}${shown ? ` — "${shown}"` : ""}`.slice(0, MAX_COMMENT_CHARS);
}

const LINK = /\/messages\/([^\s"'<>?#/]+)/;

/** The id of the message a comment links to, or null when it links to none (or to something malformed). */
export function messageIdFromComment(comment: string | null | undefined): string | null {
  if (!comment) return null;
  const match = LINK.exec(comment);
  if (!match?.[1]) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return INVESTIGATE_ID_PATTERN.test(id) ? id : null;
}
