/**
 * Mail text is attacker-written. React already renders it as text, never markup; this goes one
 * step further for what text itself can hide: bidirectional overrides (which make
 * "invoice_\u202Efdp.exe" read as "invoice_exe.pdf") and zero-width characters (which split words
 * to slip past filters). Each becomes a visible marker such as ⟨RLO⟩, so the analyst sees the
 * trick instead of falling for it. For display only: exports and filters keep the raw value.
 */

const NAMES: Record<string, string> = {
  "\u200B": "ZWSP",
  "\u200C": "ZWNJ",
  "\u200D": "ZWJ",
  "\u200E": "LRM",
  "\u200F": "RLM",
  "\u202A": "LRE",
  "\u202B": "RLE",
  "\u202C": "PDF",
  "\u202D": "LRO",
  "\u202E": "RLO",
  "\u2066": "LRI",
  "\u2067": "RLI",
  "\u2068": "FSI",
  "\u2069": "PDI",
  "\uFEFF": "BOM",
};

const HIDDEN = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function revealHidden(text: string): string {
  return text
    .replace(HIDDEN, (c) => `⟨${NAMES[c] ?? "U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`)
    .replace(CONTROL, "\uFFFD");
}

export function hasHidden(text: string): boolean {
  return new RegExp(HIDDEN.source).test(text);
}
