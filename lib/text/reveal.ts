/**
 * Text that someone else wrote (mail fields, a colleague's comment, a sender name in an audit row)
 * can carry characters that change how it reads without being seen: bidirectional overrides
 * ("invoice_\u202Efdp.exe" reads as "invoice_exe.pdf"), isolates and embeddings, zero-width and
 * other invisible formatting characters (which split words to slip past filters), and control
 * characters. React renders text as text, never markup; this goes one step further and makes each
 * of those characters a visible marker such as ⟨RLO⟩, so the reader sees the trick instead of
 * falling for it.
 *
 * The one rule for the whole console: every page that shows such text (through `<Revealed>` in
 * components/ui) and every export meant for people (CSV, the evidence manifest) passes it through
 * `revealHidden`. Filters, links and the evidence files that preserve the original bytes
 * (message.eml, Cloudflare's JSON) keep the raw value.
 */

/** Short names analysts know from the Unicode charts; anything else is shown by code point. */
const NAMES: Readonly<Record<string, string>> = {
  "\u00AD": "SHY",
  "\u034F": "CGJ",
  "\u061C": "ALM",
  "\u115F": "HCF",
  "\u1160": "HJF",
  "\u17B4": "KIVAQ",
  "\u17B5": "KIVAA",
  "\u180E": "MVS",
  "\u200B": "ZWSP",
  "\u200C": "ZWNJ",
  "\u200D": "ZWJ",
  "\u200E": "LRM",
  "\u200F": "RLM",
  "\u2028": "LSEP",
  "\u2029": "PSEP",
  "\u202A": "LRE",
  "\u202B": "RLE",
  "\u202C": "PDF",
  "\u202D": "LRO",
  "\u202E": "RLO",
  "\u2060": "WJ",
  "\u2061": "FA",
  "\u2062": "IT",
  "\u2063": "IS",
  "\u2064": "IP",
  "\u2066": "LRI",
  "\u2067": "RLI",
  "\u2068": "FSI",
  "\u2069": "PDI",
  "\u206A": "ISS",
  "\u206B": "ASS",
  "\u206C": "IAFS",
  "\u206D": "AAFS",
  "\u206E": "NADS",
  "\u206F": "NODS",
  "\u3164": "HF",
  "\uFEFF": "BOM",
  "\uFFA0": "HWHF",
  "\uFFF9": "IAA",
  "\uFFFA": "IAS",
  "\uFFFB": "IAT",
};

/**
 * Bidirectional controls, invisible formatting characters (Unicode's Cf class and the fillers that
 * render as nothing), line/paragraph separators that break a line where no newline shows, and
 * control characters other than tab, line feed and carriage return (C0, DEL and C1). Tag
 * characters (U+E0000–E007F) are astral, hence the `u` flag.
 */
const HIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, "gu");

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** "⟨RLO⟩" for U+202E, "⟨U+0007⟩" for a bell: what the reader sees in place of the character. */
export function hiddenMarker(c: string): string {
  return `⟨${NAMES[c] ?? codePoint(c)}⟩`;
}

/** The text with every hidden character replaced by its marker. */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN_ALL, hiddenMarker);
}

export function hasHidden(text: string): boolean {
  return HIDDEN.test(text);
}

/** One piece of revealed text: plain text as it was, or a marker standing for one hidden character. */
export type RevealedPart = { text: string; hidden?: { marker: string; codePoint: string } };

/** The text split into plain runs and markers, for a display that styles the markers apart. */
export function revealParts(text: string): RevealedPart[] {
  const parts: RevealedPart[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN_ALL)) {
    const c = match[0];
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    const marker = hiddenMarker(c);
    parts.push({ text: marker, hidden: { marker, codePoint: codePoint(c) } });
    last = match.index + c.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Every string anywhere inside a JSON-like value revealed (keys included): for exports read by people. */
export function revealDeep<T>(value: T): T {
  if (typeof value === "string") return revealHidden(value) as T;
  if (Array.isArray(value)) return value.map(revealDeep) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [revealHidden(k), revealDeep(v)])) as T;
  }
  return value;
}
