import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { countingSkips, type ReplyKind, type ReplyOf } from "./reply-schemas";

/**
 * Reads what Cloudflare sent into the console's own shapes (see reply-schemas.ts). A reply is
 * refused as a whole only when the thing itself is missing (a list that is not a list, a message
 * without an id); a bad field becomes null and shows as "—", and a bad entry of a list is left
 * out and counted, so the page can say how many it could not show.
 */
export interface Read<T> {
  value: T;
  /** Entries (at any depth) that could not be read and were left out. */
  unreadable: number;
}

export function unreadableReply(cause?: unknown): AppError {
  return new AppError("upstream_bad_response", "Cloudflare sent a reply the console could not read. Try again.", { cause });
}

export function readReply<K extends ReplyKind>(kind: K, value: unknown): Read<ReplyOf<K>> {
  const { value: parsed, skipped } = countingSkips((shapes) => (shapes[kind] as unknown as z.ZodType<ReplyOf<K>>).safeParse(value));
  if (!parsed.success) throw unreadableReply(parsed.error);
  return { value: parsed.data, unreadable: skipped };
}

/** A list reply's `result`: a missing or null list is an empty one; anything else must be a list. */
export function readList<K extends ReplyKind>(kind: K, value: unknown): Read<ReplyOf<K>> {
  return readReply(kind, value ?? []);
}

/**
 * Replies outside Investigate (settings, submissions) are read with their own schema, by the same
 * rules: the reply as a whole must be what it claims to be, a bad list entry costs one row.
 */
export function readWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw unreadableReply(parsed.error);
  return parsed.data;
}

export function readEach<T>(item: z.ZodType<T>, value: unknown): Read<T[]> {
  const list = readWith(z.array(z.unknown()), value ?? []);
  const out: T[] = [];
  for (const raw of list) {
    const parsed = item.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return { value: out, unreadable: list.length - out.length };
}
