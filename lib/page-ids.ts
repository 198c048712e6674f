import { investigateIdSchema, jobIdSchema } from "@/lib/schemas/ids";

/**
 * Pages whose path ends in an id: `/messages/{id}` and `/bulk/{jobId}`. A link whose id cannot be
 * one answers HTTP 400 (proxy.ts sets the status; the page itself shows why), so a monitor or a
 * script sees the error, not a 200.
 */
const ID_PAGES: { pattern: RegExp; valid: (id: string) => boolean }[] = [
  { pattern: /^\/messages\/([^/]+)\/?$/, valid: (id) => investigateIdSchema.safeParse(id).success },
  { pattern: /^\/bulk\/(?!new\/?$)([^/]+)\/?$/, valid: (id) => jobIdSchema.safeParse(id).success },
];

export function isMalformedIdPath(pathname: string): boolean {
  for (const { pattern, valid } of ID_PAGES) {
    const match = pattern.exec(pathname);
    if (!match?.[1]) continue;
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return true;
    }
    return !valid(id);
  }
  return false;
}
