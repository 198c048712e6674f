/**
 * The one reading of an HTTP `Retry-After` header, for the server (Cloudflare's 429s) and the
 * browser (the console's own 429s and 202s): delay-seconds or an HTTP date, as whole seconds from
 * now, never negative. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (value.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
