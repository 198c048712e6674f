import { z } from "zod";

/**
 * Reply objects described once as a table of field kinds, from which come both the lenient zod
 * schema (reply-schemas.ts) and a fast lane: an entry whose every field already has its expected
 * kind is copied field by field instead of going through zod, which is what almost every entry of
 * a search does. The result is the same either way (reply-fields.test.ts holds them together);
 * the zod schema still decides for anything unusual. A 50-row search costs about a millisecond
 * less of server time.
 */

/** A string the entry must have (what identifies it). */
type Id = "id";
/** A string, or absent/null/wrong (then null). */
type Text = "text";
/** A boolean, or absent/null/wrong (then null). */
type Flag = "flag";
/** A list of strings (other entries dropped), or absent/null/wrong (then null). */
type Texts = "texts";
export type FieldKind = Id | Text | Flag | Texts | { readonly object: FieldTable };
export type FieldTable = { readonly [key: string]: FieldKind };

export const text = z.string().nullish().catch(null);
export const flag = z.boolean().nullish().catch(null);
export const texts = z
  .array(z.unknown())
  .transform((items) => items.filter((i): i is string => typeof i === "string"))
  .nullish()
  .catch(null);

type KindOutput<K> = K extends "id"
  ? string
  : K extends "text"
    ? string | null
    : K extends "flag"
      ? boolean | null
      : K extends "texts"
        ? string[] | null
        : K extends { readonly object: infer T }
          ? T extends FieldTable
            ? TableOutput<T> | null
            : never
          : never;
/** What zod's schema gives for a table: the id always, every other field when it came. */
export type TableOutput<T extends FieldTable> = {
  [P in keyof T as T[P] extends "id" ? P : never]: string;
} & {
  [P in keyof T as T[P] extends "id" ? never : P]?: Exclude<KindOutput<T[P]>, undefined>;
};

function schemaOf(kind: FieldKind): z.ZodType {
  if (kind === "id") return z.string().min(1);
  if (kind === "text") return text;
  if (kind === "flag") return flag;
  if (kind === "texts") return texts;
  return objectSchema(kind.object).nullish().catch(null);
}

/** The lenient zod schema of a table (unknown fields stripped). */
export function objectSchema<T extends FieldTable>(table: T): z.ZodType<TableOutput<T>> {
  return z.object(Object.fromEntries(Object.entries(table).map(([key, kind]) => [key, schemaOf(kind)]))) as unknown as z.ZodType<TableOutput<T>>;
}

const own = Object.prototype.hasOwnProperty;

function fits(kind: FieldKind, value: unknown): boolean {
  if (kind === "id") return typeof value === "string" && value.length > 0;
  if (value === null) return true;
  if (kind === "text") return typeof value === "string";
  if (kind === "flag") return typeof value === "boolean";
  if (kind === "texts") return Array.isArray(value) && value.every((v) => typeof v === "string");
  return isPlainObject(value) && fitsTable(kind.object, value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fitsTable(table: FieldTable, raw: Record<string, unknown>): boolean {
  for (const key in table) if (own.call(raw, key) && !fits(table[key]!, raw[key])) return false;
  for (const key in table) if (table[key] === "id" && !own.call(raw, key)) return false;
  return true;
}

function copy(kind: FieldKind, value: unknown): unknown {
  if (value === null) return null;
  if (kind === "texts") return (value as string[]).slice();
  if (typeof kind === "object") return copyTable(kind.object, value as Record<string, unknown>);
  return value;
}

function copyTable(table: FieldTable, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in table) if (own.call(raw, key)) out[key] = copy(table[key]!, raw[key]);
  return out;
}

/** The entry read the fast way, or undefined when it needs zod's judgement. */
export function readFast<T extends FieldTable>(table: T, raw: unknown): TableOutput<T> | undefined {
  if (!isPlainObject(raw) || !fitsTable(table, raw)) return undefined;
  return copyTable(table, raw) as TableOutput<T>;
}
