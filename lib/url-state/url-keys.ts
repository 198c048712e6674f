import { createParser, createSerializer, type SingleParserBuilder } from "nuqs/server";
import type { z } from "zod";

/**
 * One definition per URL key — its zod schema, how a value is written back, its label — from
 * which come both the nuqs parser the pages navigate with and the reader that says what was wrong
 * with a pasted link. nuqs answers null for a value its parser refuses; the reader keeps the value
 * as it was typed and the schema's own message, so a bad value is shown next to its control.
 */
export interface UrlKeyDef<T> {
  /** The value as it travels in the query string → its typed form (or zod's message). */
  schema: z.ZodType<T, string>;
  /** The typed form → the query string's value; default `String`. */
  serialize?: (value: T) => string;
  /** Names the key in messages ("Sender is given more than once"); default: the key itself. */
  label?: string;
  eq?: (a: T, b: T) => boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each key has its own value type; UrlValues recovers them
type Defs = Record<string, UrlKeyDef<any>>;
export type UrlValues<D extends Defs> = { [K in keyof D]?: D[K] extends UrlKeyDef<infer T> ? T : never };
export type UrlUpdate<D extends Defs> = { [K in keyof D]?: (D[K] extends UrlKeyDef<infer T> ? T : never) | null };
type Parsers<D extends Defs> = { [K in keyof D]: SingleParserBuilder<D[K] extends UrlKeyDef<infer T> ? T : never> };

/** A query string as URLSearchParams, or as Next gives a server page its `searchParams`. */
export type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export interface UrlRead<D extends Defs> {
  values: UrlValues<D>;
  /** One message per offending key, to be shown next to its control. */
  errors: Partial<Record<keyof D & string, string>>;
  /** The single values as they were in the URL, so a bad one can be shown and fixed. */
  raw: Partial<Record<keyof D & string, string>>;
  /** Keys this page does not know, in the order they came. */
  unknownKeys: string[];
}

/** Cross-key rules (a range and a start, a page and a cursor): `fail` drops that key's value and reports it. */
export type UrlCheck<D extends Defs> = (values: UrlValues<D>, fail: (key: keyof D & string, message: string) => void) => void;

const AS_TYPED = Symbol("as typed");
type AsTyped = { [AS_TYPED]: string };
const isAsTyped = (v: unknown): v is AsTyped => typeof v === "object" && v !== null && AS_TYPED in v;

/**
 * A value to be written exactly as the person typed it, although its schema refuses it: a form
 * applied with a bad value puts it in the URL, where the reader reports it next to the field
 * instead of silently dropping it.
 */
export function asTyped<T>(raw: string): T {
  return { [AS_TYPED]: raw } as unknown as T;
}

function zodParser<T>(def: UrlKeyDef<T>): SingleParserBuilder<T> {
  const serialize = def.serialize ?? String;
  return createParser<T>({
    parse: (value) => {
      const result = def.schema.safeParse(value);
      return result.success ? result.data : null;
    },
    serialize: (value) => (isAsTyped(value) ? value[AS_TYPED] : serialize(value)),
    eq: def.eq,
  });
}

function entriesOf(params: ParamsInput): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.push([k, one]);
  }
  return out;
}

export interface UrlKeys<D extends Defs> {
  defs: D;
  /** nuqs parsers, in URL order, for `useQueryStates` and links. */
  parsers: Parsers<D>;
  /** Never throws: the valid part of the URL, plus a message per bad key. */
  read: (params: ParamsInput) => UrlRead<D>;
  /** The query string (without `?`) for some values, keys in URL order, absent values omitted. */
  serialize: (values: UrlUpdate<D>) => string;
  /** A full update: every key this page knows, null where the values have none, so nothing stale survives. */
  update: (values: UrlUpdate<D>) => UrlUpdate<D>;
}

export function defineUrlKeys<D extends Defs>(defs: D, check?: UrlCheck<D>): UrlKeys<D> {
  const keys = Object.keys(defs) as (keyof D & string)[];
  const parsers = Object.fromEntries(keys.map((k) => [k, zodParser(defs[k]!)])) as Parsers<D>;
  const serializer = createSerializer(parsers);
  const label = (k: keyof D & string) => defs[k]?.label ?? k;

  const read = (params: ParamsInput): UrlRead<D> => {
    const values: Record<string, unknown> = {};
    const errors: Partial<Record<keyof D & string, string>> = {};
    const raw: Partial<Record<keyof D & string, string>> = {};
    const unknownKeys: string[] = [];
    const seen = new Set<string>();
    for (const [key, value] of entriesOf(params)) {
      if (!Object.hasOwn(defs, key)) {
        if (!unknownKeys.includes(key)) unknownKeys.push(key);
        continue;
      }
      const k = key as keyof D & string;
      if (seen.has(k)) {
        errors[k] = `${label(k)} is given more than once`;
        delete values[k];
        continue;
      }
      seen.add(k);
      // An empty field in a hand-edited link means "not set", as it does in the form.
      if (value.trim() === "") continue;
      raw[k] = value;
      const result = defs[k]!.schema.safeParse(value);
      if (result.success) values[k] = result.data;
      else errors[k] = result.error.issues[0]?.message ?? `${label(k)} is invalid`;
    }
    check?.(values as UrlValues<D>, (key, message) => {
      errors[key] ??= message;
      delete values[key];
    });
    return { values: values as UrlValues<D>, errors, raw, unknownKeys };
  };

  const update = (values: UrlUpdate<D>) => Object.fromEntries(keys.map((k) => [k, values[k] ?? null])) as UrlUpdate<D>;
  const serialize = (values: UrlUpdate<D>) => serializer(update(values) as never).replace(/^\?/, "");

  return { defs, parsers, read, serialize, update };
}
