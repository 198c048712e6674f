// Text that came with a request (a query value, a header, an error an identity provider sent back)
// goes into the server log only through here: one line, every character that could start a new
// line, hide text or reorder it shown as an escape, and a bounded length. Anyone can send such
// text without signing in; a log reader must not see lines they did not write.

/** Line breaks, C0/C1 controls, bidirectional controls and invisible format characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

export const LOG_TEXT_MAX = 300;

/** `value` as one safe line for the log: escaped (`\n`, `\u202e`, …) and cut at `max` characters. */
export function escapeForLog(value: unknown, max = LOG_TEXT_MAX): string {
  const text = typeof value === "string" ? value : value instanceof Error ? value.message : String(value ?? "");
  const cut = text.length > max ? `${text.slice(0, max)}…(${text.length - max} more)` : text;
  return cut.replace(/\\/g, "\\\\").replace(UNSAFE, (ch) => {
    switch (ch) {
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  });
}
