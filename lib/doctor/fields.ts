/**
 * Which fields of a reply the console reads, found by watching the console's own reader read it:
 * the reply is wrapped in proxies that note every property the reader asks for, at every depth.
 * The readers (the zod schemas of reply-schemas.ts, the settings and submissions mappers) are then
 * the only list of what the console reads, so this cannot drift from them. A field is
 *  - missing: read by the console but absent from every entry of the reply (or from the reply
 *    object), so the page shows "—" there. Only at the top: inside an object (a message's
 *    `properties`, a detection's `sender_info`) most fields are rightly there only sometimes;
 *  - unknown: sent by Cloudflare but never read (new, or deprecated and no longer read).
 */

/**
 * Deprecated fields the console may still read as a fallback: their absence is what Cloudflare
 * announced, not a fault. From the two descriptions' notes (../shared/cloudflare/README.md).
 */
const DEPRECATED = new Set(["ts", "completed_timestamp", "action_log", "is_sender", "is_spoof", "is_recipient", "last_modified"]);

interface Place {
  read: Set<string>;
  /** Fields present in at least one object here (a field is missing only if absent from all). */
  present: Set<string>;
}

export interface FieldReport {
  missing: string[];
  unknown: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Names a reader may ask any object for (`constructor`, `toJSON`, `then`…): never a field. */
function isFieldName(key: string | symbol): key is string {
  return typeof key === "string" && !(key in Object.prototype) && key !== "then" && key !== "toJSON";
}

export class FieldWatcher {
  private readonly places = new Map<string, Place>();

  private place(path: string): Place {
    let place = this.places.get(path);
    if (!place) {
      place = { read: new Set(), present: new Set() };
      this.places.set(path, place);
    }
    return place;
  }

  /** The value as the reader should see it: objects and lists wrapped, anything else as it is. */
  watch<T>(value: T, path = ""): T {
    if (!isObject(value)) return value;
    // A list reply's entries are the reply's objects; a list inside an object is `name[]`.
    if (Array.isArray(value)) return value.map((item) => this.watch(item, path === "" ? "" : `${path}[]`)) as T;
    const place = this.place(path);
    for (const key of Object.keys(value)) place.present.add(key);
    const child = (key: string) => (path ? `${path}.${key}` : key);
    const wrapped = new Map<string, unknown>();
    const note = (key: string | symbol) => {
      if (isFieldName(key)) place.read.add(key);
    };
    return new Proxy(value, {
      get: (target, key, receiver) => {
        note(key);
        const raw = Reflect.get(target, key, receiver);
        if (typeof key !== "string" || !isObject(raw) || !Object.hasOwn(target, key)) return raw;
        // The same wrapped object each time, so a reader that reads it twice counts it once.
        if (!wrapped.has(key)) wrapped.set(key, this.watch(raw, child(key)));
        return wrapped.get(key);
      },
      has: (target, key) => {
        note(key);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor: (target, key) => {
        note(key);
        const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
        // A reader that copies through the descriptor must see the watched value too.
        if (descriptor && "value" in descriptor && typeof key === "string" && isObject(descriptor.value)) {
          if (!wrapped.has(key)) wrapped.set(key, this.watch(descriptor.value, child(key)));
          return { ...descriptor, value: wrapped.get(key) };
        }
        return descriptor;
      },
    });
  }

  /** What was missing or unknown, as dotted paths (`validation.spf`, `attachments[].md5`). */
  report(): FieldReport {
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const [path, place] of this.places) {
      const name = (key: string) => (path ? `${path}.${key}` : key);
      if (path === "") for (const key of place.read) if (!place.present.has(key) && !DEPRECATED.has(key)) missing.push(key);
      for (const key of place.present) if (!place.read.has(key)) unknown.push(name(key));
    }
    return { missing: missing.sort(), unknown: unknown.sort() };
  }
}
