import { describe, expect, it } from "vitest";
import { capText, countLines, formatBytes, parseEml } from "./raw-mime";

const CRLF = "\r\n";
const EML = [
  "Received: from mx.example by mx2.example; Mon, 5 Jan 2026 10:00:00 +0000",
  'From: "Accounts" <billing@invoice-view.invalid>',
  "To: alice@acme.example",
  "Subject: =?UTF-8?B?UmVtaXR0YW5jZSDinJM=?=",
  "Message-ID: <abc@invoice-view.invalid>",
  "X-Campaign-Note: <script>alert(1)</script>",
  "MIME-Version: 1.0",
  'Content-Type: multipart/mixed; boundary="MIX"',
  "",
  "--MIX",
  'Content-Type: multipart/alternative; boundary="ALT"',
  "",
  "--ALT",
  'Content-Type: text/plain; charset="utf-8"',
  "",
  "Hello Alice,",
  "--ALT",
  'Content-Type: text/html; charset="utf-8"',
  "",
  "<p>Hello</p><script>alert(1)</script>",
  "--ALT--",
  "--MIX",
  'Content-Type: application/pdf; name="board.pdf"',
  'Content-Disposition: attachment; filename="board.pdf"',
  "Content-Transfer-Encoding: base64",
  "",
  "AAECAwQFBgc=",
  "--MIX--",
  "",
].join(CRLF);

describe("parseEml", () => {
  it("keeps each header's encoded form and gives its RFC 2047 words decoded (B and Q, folded, UTF-8)", async () => {
    const eml = [
      "From: =?UTF-8?B?w4lsb2RpZSBNYXJ0w61u?= <elodie@invoice-view.invalid>",
      "Subject: =?UTF-8?Q?Caf=C3=A9_invoice?=",
      " =?UTF-8?B?IOKAkyBwYXk=?=",
      "To: alice@acme.example",
      "",
      "body",
      "",
    ].join(CRLF);
    const { headers } = await parseEml(eml);
    const header = (name: string) => headers.find((h) => h.name === name);
    expect(header("From")).toEqual({ name: "From", value: "=?UTF-8?B?w4lsb2RpZSBNYXJ0w61u?= <elodie@invoice-view.invalid>", decoded: "Élodie Martín <elodie@invoice-view.invalid>" });
    expect(header("Subject")?.decoded).toBe("Café invoice – pay");
    expect(header("Subject")?.value).toContain("=?UTF-8?Q?");
    expect(header("To")?.decoded).toBe("alice@acme.example");
  });

  it("gives headers in order with decoded values, and each body part as text", async () => {
    const parsed = await parseEml(EML);
    expect(parsed.headers.map((h) => h.name)).toEqual([
      "Received",
      "From",
      "To",
      "Subject",
      "Message-ID",
      "X-Campaign-Note",
      "MIME-Version",
      "Content-Type",
    ]);
    expect(parsed.headers.find((h) => h.name === "X-Campaign-Note")?.value).toBe("<script>alert(1)</script>");
    expect(parsed.headers.find((h) => h.name === "X-Campaign-Note")?.decoded).toBe("<script>alert(1)</script>");
    expect(parsed.parts.map((p) => [p.kind, p.mimeType])).toEqual([
      ["text", "text/plain"],
      ["html", "text/html"],
      ["attachment", "application/pdf"],
    ]);
    expect(parsed.parts[0]?.text?.trim()).toBe("Hello Alice,");
    // The HTML is kept as its source text, script and all: the UI prints it, never renders it.
    expect(parsed.parts[1]?.text).toContain("<script>alert(1)</script>");
    expect(parsed.parts[2]).toMatchObject({ label: "board.pdf", size: 8, disposition: "attachment" });
    expect(parsed.parts[2]?.text).toBeUndefined();
  });

  it("copes with a message that is only headers", async () => {
    const parsed = await parseEml("Subject: hi\r\n\r\n");
    expect(parsed.headers).toEqual([{ name: "Subject", value: "hi", decoded: "hi" }]);
  });

  it("parses a multi-megabyte message quickly", async () => {
    const body = "QUJD".repeat(19).concat(CRLF).repeat(40_000); // ~3 MB of base64
    const big = EML.replace("AAECAwQFBgc=", body);
    const started = performance.now();
    const parsed = await parseEml(big);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parsed.parts[2]?.size).toBeGreaterThan(2_000_000);
  });
});

describe("capText", () => {
  it("returns short text whole", () => {
    expect(capText("a\nb", 10)).toEqual({ shown: "a\nb", hiddenChars: 0, hiddenLines: 0 });
  });
  it("cuts at a line end near the cap and counts what is left", () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\n");
    const capped = capText(text, 100);
    expect(capped.shown.endsWith("\n")).toBe(true);
    expect(capped.shown.length + capped.hiddenChars).toBe(text.length);
    expect(capped.hiddenLines).toBe(countLines(text.slice(capped.shown.length)));
  });
  it("cuts mid-line when there is no line end near the cap", () => {
    const capped = capText("x".repeat(1000), 100);
    expect(capped.shown).toHaveLength(100);
    expect(capped.hiddenChars).toBe(900);
  });
});

describe("countLines / formatBytes", () => {
  it.each([
    ["", 0],
    ["a", 1],
    ["a\n", 1],
    ["a\nb", 2],
    ["a\r\nb\r\n", 2],
  ])("countLines(%j) = %i", (text, n) => {
    expect(countLines(text)).toBe(n);
  });
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KB"],
    [3 * 1024 * 1024, "3.0 MB"],
  ])("formatBytes(%i) = %s", (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
});
