/**
 * Reading a raw .eml for the Raw tab. Parsing is postal-mime's job (a maintained RFC 5322/MIME
 * parser); this module only shapes its output into text the UI shows as text, and keeps the
 * browser responsive on multi-megabyte messages by capping what is rendered at first.
 */

export interface EmlHeader {
  name: string;
  /** As the mail carries it: RFC 2047 encoded words (`=?UTF-8?B?…?=`) left as they are. */
  value: string;
  /** The encoded words turned into text, what a person reads; equal to `value` when there are none. */
  decoded: string;
}

export interface EmlPart {
  /** "Plain text body", "HTML body (source)", or the attachment's file name. */
  label: string;
  mimeType: string;
  kind: "text" | "html" | "attachment";
  /** Decoded text for text and HTML bodies; attachments' bytes are never shown. */
  text?: string;
  size: number;
  disposition?: string | null;
}

export interface ParsedEml {
  headers: EmlHeader[];
  parts: EmlPart[];
}

const encoder = new TextEncoder();

function byteLength(content: ArrayBuffer | Uint8Array | string): number {
  if (typeof content === "string") return encoder.encode(content).length;
  return content.byteLength;
}

export async function parseEml(raw: string): Promise<ParsedEml> {
  // Loaded on demand: only the Raw tab needs the parser, so the page's first load stays small.
  const { default: PostalMime, decodeWords } = await import("postal-mime");
  const email = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer" });
  const parts: EmlPart[] = [];
  if (email.text !== undefined) {
    parts.push({ label: "Plain text body", mimeType: "text/plain", kind: "text", text: email.text, size: byteLength(email.text) });
  }
  if (email.html !== undefined) {
    parts.push({ label: "HTML body (source, not rendered)", mimeType: "text/html", kind: "html", text: email.html, size: byteLength(email.html) });
  }
  email.attachments.forEach((a, i) => {
    parts.push({
      label: a.filename ?? `Unnamed part ${i + 1}`,
      mimeType: a.mimeType,
      kind: "attachment",
      size: byteLength(a.content),
      disposition: a.disposition,
    });
  });
  return { headers: email.headers.map((h) => ({ name: h.originalKey, value: h.value, decoded: decodeHeaderValue(h.value, decodeWords) })), parts };
}

/**
 * A header value with its RFC 2047 encoded words decoded by postal-mime. A value the decoder
 * cannot read is shown as it came rather than guessed at.
 */
function decodeHeaderValue(value: string, decodeWords: (value: string) => string): string {
  if (!value.includes("=?")) return value;
  try {
    return decodeWords(value);
  } catch {
    return value;
  }
}

export interface CappedText {
  shown: string;
  /** Characters and lines left out of `shown`; zero when everything fits. */
  hiddenChars: number;
  hiddenLines: number;
}

/**
 * The first `maxChars` of a text, cut at a line end where one is near. A 3 MB <pre> takes
 * seconds to lay out; the rest is one click ("Show all") away.
 */
export function capText(text: string, maxChars: number): CappedText {
  if (text.length <= maxChars) return { shown: text, hiddenChars: 0, hiddenLines: 0 };
  const lineEnd = text.lastIndexOf("\n", maxChars);
  const cut = lineEnd > maxChars * 0.8 ? lineEnd + 1 : maxChars;
  const rest = text.slice(cut);
  return { shown: text.slice(0, cut), hiddenChars: rest.length, hiddenLines: countLines(rest) };
}

export function countLines(text: string): number {
  if (text === "") return 0;
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < text.length - 1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
