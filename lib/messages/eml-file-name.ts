/**
 * A download name for a message's .eml that is safe on every desktop OS: the subject is
 * attacker-written and may hold path separators, control and bidi characters (`\u202E` makes
 * "invoice‮fdp.exe" look like a PDF), reserved device names or thousands of characters.
 */

const MAX_SUBJECT_CHARS = 80;
const MAX_ID_CHARS = 64;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function clean(text: string): string {
  return (
    text
      .normalize("NFKC")
      // Letters and digits of any script survive; everything else (slashes, dots, quotes,
      // control, format and bidi characters, emoji) becomes one separator.
      .replace(/[^\p{L}\p{N} _-]+/gu, "_")
      .replace(/[\s_]+/g, (run) => (run.includes("_") ? "_" : " "))
      .replace(/^[\s_.-]+|[\s_.-]+$/g, "")
  );
}

export function emlFileName(subject: string | null | undefined, id: string): string {
  let base = clean(subject ?? "");
  base = Array.from(base).slice(0, MAX_SUBJECT_CHARS).join("").replace(/[\s_.-]+$/g, "");
  if (!base || WINDOWS_RESERVED.test(base)) base = base ? `message_${base}` : "message";
  const idPart = id.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(-MAX_ID_CHARS);
  return idPart ? `${base}-${idPart}.eml` : `${base}.eml`;
}
