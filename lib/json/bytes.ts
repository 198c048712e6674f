/**
 * JSON text as UTF-8 bytes, exactly what `Buffer.from(JSON.stringify(value))` gives, built piece by
 * piece. Why: a reply of 50 messages is ~70 KB of JSON; one non-ASCII character (a subject in
 * Cyrillic, an emoji) makes V8 build the whole text as a two-byte string, and above 64 Ki
 * characters that string lands in large-object space, which cost ~0.7 ms per reply to allocate and
 * encode on our machines. Serializing arrays and objects member by member keeps every piece small.
 */
const MAX_DEPTH = 2;

export function jsonBytes(value: unknown): Buffer<ArrayBuffer> {
  const parts: Buffer<ArrayBuffer>[] = [];
  if (!write(value, parts, MAX_DEPTH)) throw new TypeError("jsonBytes: the value has no JSON form");
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

const COMMA = Buffer.from(",");
const COLON = Buffer.from(":");
const OPEN_ARRAY = Buffer.from("[");
const CLOSE_ARRAY = Buffer.from("]");
const OPEN_OBJECT = Buffer.from("{");
const CLOSE_OBJECT = Buffer.from("}");
const NULL = Buffer.from("null");

/** Appends `value`'s JSON; false when JSON.stringify would leave it out (undefined, a function, a symbol). */
function write(value: unknown, parts: Buffer<ArrayBuffer>[], depth: number): boolean {
  if (depth === 0 || value === null || typeof value !== "object" || hasToJson(value)) {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) return false;
    parts.push(Buffer.from(text));
    return true;
  }
  if (Array.isArray(value)) {
    parts.push(OPEN_ARRAY);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(COMMA);
      if (!write(value[i], parts, depth - 1)) parts.push(NULL);
    }
    parts.push(CLOSE_ARRAY);
    return true;
  }
  parts.push(OPEN_OBJECT);
  let first = true;
  for (const key of Object.keys(value)) {
    const at = parts.length;
    if (!first) parts.push(COMMA);
    parts.push(Buffer.from(JSON.stringify(key)), COLON);
    if (write((value as Record<string, unknown>)[key], parts, depth - 1)) first = false;
    else parts.length = at;
  }
  parts.push(CLOSE_OBJECT);
  return true;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}
