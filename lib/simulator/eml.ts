// RFC 5322 / MIME rendering of a record (GET /{id}/raw): CRLF everywhere, encoded words for
// non-ASCII or over-long headers, multipart/alternative text+html, base64 attachments.
import { pseudoRandomBytes } from "./prng";
import { rfc2822 } from "./serialize";
import { buildHeaders } from "./detections";
import type { MessageRecord } from "./types";

const CRLF = "\r\n";

function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** RFC 2047 B-encoding split on character boundaries so every encoded word stays ≤ 75 chars. */
export function encodeWords(text: string): string {
  const words: string[] = [];
  let current = "";
  for (const ch of text) {
    if (Buffer.byteLength(current + ch, "utf8") > 45) {
      words.push(current);
      current = "";
    }
    current += ch;
  }
  if (current) words.push(current);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join(`${CRLF} `);
}

function headerValue(value: string): string {
  return isPlainAscii(value) && value.length <= 900 ? value : encodeWords(value);
}

function mailbox(name: string, address: string): string {
  if (isPlainAscii(name) && !/["\\]/.test(name)) return `"${name}" <${address}>`;
  return `${encodeWords(name)} <${address}>`;
}

function wrapBase64(data: Buffer): string {
  const b64 = data.toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

function textPart(contentType: string, body: string): string {
  const ascii = /^[\x09\x0a\x0d\x20-\x7e]*$/.test(body) && body.split("\n").every((l) => l.length < 900);
  const normalized = body.replace(/\r?\n/g, CRLF);
  return [
    `Content-Type: ${contentType}; charset="utf-8"`,
    `Content-Transfer-Encoding: ${ascii ? "7bit" : "base64"}`,
    "",
    ascii ? normalized : wrapBase64(Buffer.from(normalized, "utf8")),
  ].join(CRLF);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function bodies(m: MessageRecord): { text: string; html: string } {
  const greeting = `Hello ${m.toName[0] ?? ""},`.trim();
  const link = m.links[0];
  const text = [greeting, "", m.disposition === "NONE" ? "Please see the details below." : "Please review the message below and act promptly.", link ? `${link.text ?? "Link"}: ${link.href}` : "", "", "Regards,", m.fromName].join("\n");
  // Hostile fixtures keep their payload unescaped: the UI must never render raw HTML from here.
  const hostile = m.hostile === "markup" ? `<script>alert(1)</script><img src=x onerror=alert(1)><div dir="rtl">\u202Eexe.fdp</div>` : "";
  const html = [
    "<!DOCTYPE html><html><body>",
    `<p>${escapeHtml(greeting)}</p>`,
    hostile,
    `<p>${escapeHtml(m.disposition === "NONE" ? "Please see the details below." : "Please review the message below and act promptly.")}</p>`,
    link ? `<p><a href="${escapeHtml(link.href)}">${m.hostile === "markup" ? (link.text ?? "") : escapeHtml(link.text ?? link.href)}</a></p>` : "",
    `<p>Regards,<br>${m.hostile === "markup" ? m.fromName : escapeHtml(m.fromName)}</p>`,
    "</body></html>",
  ].join("\n");
  return { text, html };
}

export function buildEml(m: MessageRecord): string {
  const boundaryAlt = `----=_Alt_${m.postfixId}`;
  const boundaryMixed = `----=_Mixed_${m.postfixId}`;
  const { text, html } = bodies(m);
  const skip = new Set(["from", "to", "subject", "date", "message-id", "mime-version", "reply-to"]);
  const trace = buildHeaders(m).filter((h) => !skip.has(h.name.toLowerCase()));
  const lines: string[] = [
    ...trace.map((h) => `${h.name}: ${headerValue(h.value)}`),
    `From: ${mailbox(m.fromName, m.from)}`,
    `To: ${m.to.map((a, i) => (m.toName[i] ? mailbox(m.toName[i] ?? "", a) : a)).join(`,${CRLF} `)}`,
    `Subject: ${headerValue(m.subject)}`,
    `Date: ${rfc2822(m.sentAt)}`,
    `Message-ID: ${m.messageId}`,
  ];
  if (m.replyTo) lines.push(`Reply-To: ${headerValue(m.replyTo)}`);
  lines.push("MIME-Version: 1.0");
  const alternative = [
    `--${boundaryAlt}`,
    textPart("text/plain", text),
    `--${boundaryAlt}`,
    textPart("text/html", html),
    `--${boundaryAlt}--`,
    "",
  ].join(CRLF);
  if (m.attachments.length === 0) {
    lines.push(`Content-Type: multipart/alternative; boundary="${boundaryAlt}"`, "", alternative);
    return lines.join(CRLF);
  }
  const parts = [`--${boundaryMixed}`, `Content-Type: multipart/alternative; boundary="${boundaryAlt}"`, "", alternative];
  for (const a of m.attachments) {
    const filename = isPlainAscii(a.name) ? `"${a.name}"` : `"${encodeWords(a.name)}"`;
    parts.push(
      `--${boundaryMixed}`,
      `Content-Type: ${a.contentType}; name=${filename}`,
      `Content-Disposition: attachment; filename=${filename}`,
      "Content-Transfer-Encoding: base64",
      "",
      wrapBase64(pseudoRandomBytes(a.seed, a.size)),
    );
  }
  parts.push(`--${boundaryMixed}--`, "");
  lines.push(`Content-Type: multipart/mixed; boundary="${boundaryMixed}"`, "", "This is a multi-part message in MIME format.", parts.join(CRLF));
  return lines.join(CRLF);
}
