// Cursor text on the wire. Normally URL-safe base64 (or a bare page number for job lists); in
// variance mode (`opaqueCursors`) standard base64 that always contains `+`, `/` and `=`, so a
// client that forgets to URL-encode a cursor sends a `+` that arrives as a space, and fails.
// Both forms are always accepted back, so a list may switch style between calls.

// Three bytes that encode to "++//"; a decoded cursor starting with them is the opaque form.
const OPAQUE_MARK = Buffer.from([0xfb, 0xef, 0xff]);
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function encodeCursorText(text: string, opaque: boolean): string {
  if (!opaque) return Buffer.from(text).toString("base64url");
  let body = Buffer.concat([OPAQUE_MARK, Buffer.from(text)]);
  // One byte over a multiple of three pads with "=="; the trailing spaces are trimmed on decode.
  while (body.length % 3 !== 1) body = Buffer.concat([body, Buffer.from(" ")]);
  return body.toString("base64");
}

/** The text a cursor carries, or null when it is not base64 at all (e.g. a `+` turned into a space). */
export function decodeCursorText(cursor: string): string | null {
  if (!BASE64.test(cursor)) return null;
  const bytes = Buffer.from(cursor, "base64");
  if (bytes.length >= OPAQUE_MARK.length && bytes.subarray(0, OPAQUE_MARK.length).equals(OPAQUE_MARK)) {
    return bytes.subarray(OPAQUE_MARK.length).toString("utf8").trimEnd();
  }
  return bytes.toString("utf8");
}
