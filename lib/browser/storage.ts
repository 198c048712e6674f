import type { z } from "zod";

/**
 * Browser storage that never throws: storage can be disabled, full, or hold a value an older
 * version wrote. Reads are validated, so a tampered entry falls back instead of breaking a page.
 */

type Area = "local" | "session";

function area(which: Area): Storage | null {
  try {
    if (typeof window === "undefined") return null;
    return which === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readStored<T>(which: Area, key: string, schema: z.ZodType<T>): T | undefined {
  try {
    const text = area(which)?.getItem(key);
    if (text == null) return undefined;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(which: Area, key: string, value: unknown): void {
  try {
    area(which)?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage only costs the remembered preference.
  }
}
